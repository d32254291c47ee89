/**
 * D1 writes can fail transiently while the database moves or restarts; Cloudflare's guidance is to
 * retry them with backoff. Only idempotent writes go through here (the comment insert is, by its
 * submit key).
 */

const TRANSIENT_MESSAGES = [
  'Network connection lost',
  'storage caused object to be reset',
  'reset because its code was updated',
]

/** True for the D1 errors that Cloudflare documents as worth retrying. */
export function isTransientD1Error(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : String(error)
  return TRANSIENT_MESSAGES.some((message) => text.includes(message))
}

/**
 * Runs `write`, retrying transient D1 errors up to `attempts` times in all with exponential
 * backoff and jitter (about 40, 80, 160 ms by default); any other error is thrown at once.
 */
export async function retryTransient<T>(write: () => Promise<T>, attempts = 4, baseMs = 40): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write()
    } catch (error) {
      if (attempt >= attempts || !isTransientD1Error(error)) throw error
      const delay = baseMs * 2 ** (attempt - 1) * (0.5 + Math.random())
      await new Promise((resolve) => setTimeout(resolve, delay))
    }
  }
}
