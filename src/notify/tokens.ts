/**
 * Signed links of notification emails, HMAC-SHA256 with SIGNING_KEY (Web Crypto). Every message
 * starts with `notify` and names its purpose and scope, so a token signed for one never verifies
 * for another, nor for the comment links of src/comments/hmac.ts (which start otherwise).
 * Unsubscribe tokens never expire: an old email must still stop the mail.
 * Confirmation tokens expire after CONFIRM_TTL_MS. A confirmation names one subscription (what
 * the address agrees to receive); links naming only an address were sent before that rule.
 */

import { checkExpiring, signExpiring, type ExpiringCheck } from '../auth/expiring-token'
import { macBase64Url, macMatches } from '../auth/hmac'

/** How long a confirmation link works; also the least time between two confirmation emails to an unconfirmed address. */
export const CONFIRM_TTL_MS = 7 * 24 * 60 * 60 * 1000

/** The least time between two "also this post?" emails to an address that is already confirmed. */
export const RECONFIRM_INTERVAL_MS = 24 * 60 * 60 * 1000

/** What an unsubscribe link stops: one subscription, or everything for one address. */
export type UnsubscribeScope = { subscription: number } | { address: number }

export type ConfirmCheck = ExpiringCheck

function unsubscribeMessage(scope: UnsubscribeScope): string {
  return 'subscription' in scope ? `notify\nunsubscribe\nsubscription\n${scope.subscription}` : `notify\nunsubscribe\naddress\n${scope.address}`
}

/** The token of an unsubscribe link for `scope`; it never expires. */
export function signUnsubscribe(secret: string, scope: UnsubscribeScope): Promise<string> {
  return macBase64Url(secret, unsubscribeMessage(scope))
}

/** True when `token` was signed for exactly this scope. Never throws. */
export async function verifyUnsubscribe(secret: string, token: string, scope: UnsubscribeScope): Promise<boolean> {
  return macMatches(secret, unsubscribeMessage(scope), token).catch(() => false)
}

/** The token of an address's "manage my subscriptions" link; like an unsubscribe link, it never expires. */
export function signManage(secret: string, addressId: number): Promise<string> {
  return macBase64Url(secret, `notify\nmanage\naddress\n${addressId}`)
}

/** True when `token` was signed as the manage link of exactly this address. Never throws. */
export async function verifyManage(secret: string, token: string, addressId: number): Promise<boolean> {
  return macMatches(secret, `notify\nmanage\naddress\n${addressId}`, token).catch(() => false)
}

/** What a confirmation link confirms: one subscription (and its address), or an address alone (older links). */
export type ConfirmScope = { subscription: number } | { address: number }

// The address form is the one older links were signed with; the subscription form cannot collide with it.
const confirmMessage = (scope: ConfirmScope) => (expires: number) =>
  'subscription' in scope ? `notify\nconfirm\nsubscription\n${scope.subscription}\n${expires}` : `notify\nconfirm\n${scope.address}\n${expires}`

/**
 * The token of a confirmation link for `scope`, valid until `expiresAt` (unix ms, kept to the
 * second), in the format of src/auth/expiring-token.ts.
 */
export function signConfirm(secret: string, scope: ConfirmScope, expiresAt: number): Promise<string> {
  return signExpiring(secret, confirmMessage(scope), expiresAt)
}

/**
 * `valid`, `expired` (signed by us for this scope, but too old) or `invalid` (forged,
 * tampered, or for another scope). The signature is checked before the time, so a forged
 * token never reads as merely expired. Never throws.
 */
export function verifyConfirm(secret: string, token: string, scope: ConfirmScope, now: number): Promise<ConfirmCheck> {
  return checkExpiring(secret, token, confirmMessage(scope), now)
}
