import { parseId } from '../db/ids'
import {
  confirmAddress,
  confirmSubscription,
  getAddress,
  getPendingSubscription,
  getSubscription,
  unsubscribeAll,
  unsubscribeOne,
  type AddressRow,
  type SubscriptionRow,
} from './subscriptions'
import { CONFIRM_TTL_MS, signConfirm, verifyConfirm, verifyUnsubscribe, type ConfirmScope } from './tokens'

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


/**
 * `confirmed`: what the link confirms already is (a second POST, or a GET after the POST).
 * `next`: after a POST, another subscription of the same address still waiting (one email a day
 * at most asks about them), with a token of its own: whoever holds a genuine link for this
 * address may say yes to it too, from the page.
 */
export type ConfirmState =
  | { state: 'invalid' | 'expired' }
  | { state: 'valid'; confirmed: boolean; next?: { subscription: SubscriptionRow; token: string } }

/** The one scope a link names (`s` or `a`, never both), or null. */
function linkScope(query: LinkQuery): ConfirmScope | null {
  const subscription = parseId(query.s)
  const address = parseId(query.a)
  if ((query.s === undefined) === (query.a === undefined)) return null
  if (subscription !== null) return { subscription }
  return address !== null ? { address } : null
}

/**
 * What a confirmation link names, when the link is genuine and alive: a subscription (links
 * sent now; confirming it confirms its address too) or an address alone (links sent before
 * subscriptions had their own confirmation: they confirm the address and nothing new).
 */
export async function checkConfirmLink(deps: ConsentDeps, query: LinkQuery, now: number): Promise<ConfirmState> {
  const scope = linkScope(query)
  if (scope === null || !query.t) return { state: 'invalid' }
  const check = await verifyConfirm(deps.signingKey, query.t, scope, now)
  if (check !== 'valid') return { state: check }
  if ('subscription' in scope) {
    const subscription = await getSubscription(deps.db, scope.subscription)
    return subscription ? { state: 'valid', confirmed: subscription.confirmedAt !== null } : { state: 'invalid' }
  }
  const address = await getAddress(deps.db, scope.address)
  return address ? { state: 'valid', confirmed: address.confirmedAt !== null } : { state: 'invalid' }
}

/** Confirms what a genuine, alive link names (once: a second POST changes nothing). */
export async function confirmByLink(deps: ConsentDeps, query: LinkQuery, now: number): Promise<ConfirmState> {
  const checked = await checkConfirmLink(deps, query, now)
  if (checked.state !== 'valid') return checked
  const scope = linkScope(query)!
  const addressId = 'subscription' in scope
    ? (await confirmSubscription(deps.db, scope.subscription, now))?.addressId
    : (await confirmAddress(deps.db, scope.address, now))?.id
  if (addressId === undefined) return { state: 'invalid' }
  const pending = await getPendingSubscription(deps.db, addressId)
  if (!pending) return { state: 'valid', confirmed: true }
  const token = await signConfirm(deps.signingKey, { subscription: pending.id }, now + CONFIRM_TTL_MS)
  return { state: 'valid', confirmed: true, next: { subscription: pending, token } }
}

export type UnsubscribeState =
  | { state: 'invalid' }
  /** A genuine link whose subscription was already ended. */
  | { state: 'gone' }
  | { state: 'valid'; subscription: SubscriptionRow }
  | { state: 'valid'; address: AddressRow }

/** What a genuine unsubscribe link would stop. Unsubscribe links never expire. */
export async function checkUnsubscribeLink(deps: ConsentDeps, query: LinkQuery): Promise<UnsubscribeState> {
  const scope = linkScope(query)
  if (scope === null || !query.t || !(await verifyUnsubscribe(deps.signingKey, query.t, scope))) return { state: 'invalid' }
  if ('subscription' in scope) {
    const subscription = await getSubscription(deps.db, scope.subscription)
    return subscription ? { state: 'valid', subscription } : { state: 'gone' }
  }
  const address = await getAddress(deps.db, scope.address)
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
