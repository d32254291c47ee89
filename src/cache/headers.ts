import { digest128 } from '../auth/hmac'
import type { CachePolicy } from './policy'
import { encodeTag } from './tags'

/** Seconds the edge may serve a stale page while it asks the Worker for a fresh one. */
export const STALE_WHILE_REVALIDATE = 60

/**
 * Headers of a response the edge may keep. Browsers revalidate every time (`no-cache` with a
 * strong ETag), so a purge reaches readers at once; the edge keeps the page for `maxAge`
 * (`Cloudflare-CDN-Cache-Control` wins over `CDN-Cache-Control` on Cloudflare, RFC 9213).
 */
export function edgeHeaders(policy: CachePolicy): Record<string, string> {
  const edge = `public, max-age=${policy.maxAge}, stale-while-revalidate=${STALE_WHILE_REVALIDATE}`
  return {
    'Cache-Control': 'no-cache',
    'CDN-Cache-Control': edge,
    'Cloudflare-CDN-Cache-Control': edge,
    'Cache-Tag': policy.tags.map(encodeTag).join(','),
  }
}

/** A strong entity tag: the first 128 bits of the body's SHA-256. */
export async function strongEtag(body: ArrayBuffer): Promise<string> {
  return `"${await digest128(body)}"`
}

/**
 * Whether `If-None-Match` matches `etag` (RFC 9110 §13.1.2: weak comparison, a list or `*`).
 */
export function etagMatches(ifNoneMatch: string | null, etag: string | null): boolean {
  if (!ifNoneMatch || !etag) return false
  if (ifNoneMatch.trim() === '*') return true
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '')
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag))
}

// Representation metadata a 304 must not restate (RFC 9110 §15.4.5): it has no body.
const BODY_HEADERS = ['Content-Type', 'Content-Length', 'Content-Encoding', 'Content-Language']

/**
 * The 304 for a response whose ETag matched: every header of the 200 but those describing its
 * body, so the validator, the caching headers (RFC 9110 §15.4.5) and the security headers stay.
 */
export function notModified(res: Response): Response {
  const headers = new Headers(res.headers)
  for (const name of BODY_HEADERS) headers.delete(name)
  return new Response(null, { status: 304, headers })
}
