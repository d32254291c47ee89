import { parseId } from '../db/ids'
import type { ConsentDeps } from './consent'
import { getAddress, listSubscriptions, unsubscribeAll, unsubscribeOne, type AddressRow, type SubscriptionRow } from './subscriptions'
import { signManage, verifyManage } from './tokens'

/**
 * The "manage my subscriptions" link of readers' emails (`/notify/subscriptions?a=<address>&t=…`):
 * signed for one address, never expiring (an old email must still stop the mail). Checking it
 * reads; only `stopByManageLink` (the page's POST buttons) changes anything, and only the
 * subscriptions of the address the link was signed for.
 */

export type ManageState = { state: 'invalid' } | { state: 'valid'; address: AddressRow; subscriptions: SubscriptionRow[] }

/** What the buttons send as `stop`: `all`, or the id of one of the address's subscriptions. */
export type StopRequest = 'all' | number

/** The token of the manage link of `addressId` (for the emails). */
export const manageToken = (deps: Pick<ConsentDeps, 'signingKey'>, addressId: number) => signManage(deps.signingKey, addressId)

/** What the address of a genuine link follows; `invalid` for a forged, tampered or cut link. Never throws for a bad link. */
export async function checkManageLink(deps: ConsentDeps, query: { a?: string; t?: string }): Promise<ManageState> {
  const id = parseId(query.a)
  if (id === null || !query.t || !(await verifyManage(deps.signingKey, query.t, id))) return { state: 'invalid' }
  const address = await getAddress(deps.db, id)
  if (!address) return { state: 'invalid' }
  return { state: 'valid', address, subscriptions: await listSubscriptions(deps.db, id) }
}

/** A button's `stop` value, or null when it names nothing. */
export function parseStop(value: string | undefined): StopRequest | null {
  return value === 'all' ? 'all' : parseId(value)
}

/**
 * Stops what `stop` names for the address of a genuine link: everything (as the email's "stop
 * every email" link does: subscriptions, owed emails and the confirmation), or one of its
 * subscriptions; an id that is not one of its own (already stopped, or another address's) stops
 * nothing. Returns the address's state afterwards and what was stopped.
 */
export async function stopByManageLink(
  deps: ConsentDeps,
  query: { a?: string; t?: string },
  stop: StopRequest,
  now: number,
): Promise<ManageState & { stopped?: 'all' | SubscriptionRow }> {
  const checked = await checkManageLink(deps, query)
  if (checked.state !== 'valid') return checked
  if (stop === 'all') {
    await unsubscribeAll(deps.db, checked.address.id, now)
    return { ...checked, subscriptions: [], stopped: 'all' }
  }
  const target = checked.subscriptions.find((subscription) => subscription.id === stop)
  if (!target) return checked
  await unsubscribeOne(deps.db, target.id, now)
  return { ...checked, subscriptions: checked.subscriptions.filter((s) => s.id !== target.id), stopped: target }
}
