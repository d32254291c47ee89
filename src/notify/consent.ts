import { confirmAddress, getAddress, getSubscription, unsubscribeAll, unsubscribeOne, type AddressRow, type SubscriptionRow } from './subscriptions'
import { verifyConfirm, verifyUnsubscribe } from './tokens'

/**
 * What the confirm and unsubscribe links do, checked and done here for the routes: `check…`
 * reads (the GET page), the others act (the POST). A forged or tampered link is `invalid`, an
 * old confirmation link `expired`; neither ever throws for a bad link.
 */

export interface ConsentDeps {
  db: D1Database
  signingKey: string
}

/** The link's query: `a` (address id) or `s` (subscription id), and `t` (token). */
export type LinkQuery = Partial<Record<'a' | 's' | 't', string>>

const parseId = (value: string | undefined) => (value && /^[1-9]\d{0,15}$/.test(value) ? Number(value) : null)

export type ConfirmState = { state: 'invalid' | 'expired' } | { state: 'valid'; address: AddressRow }

/** The address a confirmation link names, when the link is genuine and alive. */
export async function checkConfirmLink(deps: ConsentDeps, query: LinkQuery, now: number): Promise<ConfirmState> {
  const id = parseId(query.a)
  if (id === null || !query.t) return { state: 'invalid' }
  const check = await verifyConfirm(deps.signingKey, query.t, id, now)
  if (check !== 'valid') return { state: check }
  const address = await getAddress(deps.db, id)
  return address ? { state: 'valid', address } : { state: 'invalid' }
}

/** Confirms the address of a genuine, alive link (once: a second POST changes nothing). */
export async function confirmByLink(deps: ConsentDeps, query: LinkQuery, now: number): Promise<ConfirmState> {
  const checked = await checkConfirmLink(deps, query, now)
  if (checked.state !== 'valid') return checked
  const address = await confirmAddress(deps.db, checked.address.id, now)
  return address ? { state: 'valid', address } : { state: 'invalid' }
}

export type UnsubscribeState =
  | { state: 'invalid' }
  /** A genuine link whose subscription was already ended. */
  | { state: 'gone' }
  | { state: 'valid'; subscription: SubscriptionRow }
  | { state: 'valid'; address: AddressRow }

/** What a genuine unsubscribe link would stop. Unsubscribe links never expire. */
export async function checkUnsubscribeLink(deps: ConsentDeps, query: LinkQuery): Promise<UnsubscribeState> {
  const subscriptionId = parseId(query.s)
  const addressId = subscriptionId === null ? parseId(query.a) : null
  if ((subscriptionId === null) === (addressId === null) || !query.t) return { state: 'invalid' }
  if (subscriptionId !== null) {
    if (!(await verifyUnsubscribe(deps.signingKey, query.t, { subscription: subscriptionId }))) return { state: 'invalid' }
    const subscription = await getSubscription(deps.db, subscriptionId)
    return subscription ? { state: 'valid', subscription } : { state: 'gone' }
  }
  if (!(await verifyUnsubscribe(deps.signingKey, query.t, { address: addressId! }))) return { state: 'invalid' }
  const address = await getAddress(deps.db, addressId!)
  return address ? { state: 'valid', address } : { state: 'gone' }
}

/**
 * Ends what a genuine unsubscribe link names: one subscription, or everything for an address.
 * Idempotent; the answer says what the link covered.
 */
export async function unsubscribeByLink(deps: ConsentDeps, query: LinkQuery, now: number): Promise<UnsubscribeState> {
  const checked = await checkUnsubscribeLink(deps, query)
  if (checked.state !== 'valid') return checked
  if ('subscription' in checked) await unsubscribeOne(deps.db, checked.subscription.id, now)
  else await unsubscribeAll(deps.db, checked.address.id, now)
  return checked
}
