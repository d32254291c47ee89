/** Moved to src/db/retry.ts; kept only until src/notify/subscriptions.ts imports it from there. */
export { isTransientD1Error, retryTransient } from '../db/retry'
