import type { MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import type { AppEnv } from './env'

/** `'sha256-…'` CSP source of an inline block's exact text. */
export async function cspHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`
}

/** Where Turnstile's widget script and frame come from (only allowed when Turnstile is on). */
const TURNSTILE_ORIGIN = 'https://challenges.cloudflare.com'

/**
 * Security headers on every response, cache hits and error pages included. The CSP allows no
 * inline script and only the inline stylesheets whose text is given (by hash, not nonce: a nonce
 * would be frozen into cached pages). JSON-LD blocks are data, not script, and need no source.
 * Built on the first request, since Turnstile's sources depend on the deployment's secrets.
 */
export function securityHeaders(inlineStyles: string[] = []): MiddlewareHandler<AppEnv> {
  let middleware: MiddlewareHandler<AppEnv> | undefined
  return async function securityHeaders(c, next) {
    const turnstile = c.env.TURNSTILE_SECRET ? [TURNSTILE_ORIGIN] : []
    middleware ??= secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...turnstile],
        frameSrc: turnstile.length ? turnstile : ["'none'"],
        styleSrc: ["'self'", ...(await Promise.all(inlineStyles.map(cspHash)))],
        imgSrc: ["'self'", 'https:', 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: 'strict-origin-when-cross-origin',
      crossOriginEmbedderPolicy: false,
    })
    return middleware(c, next)
  }
}
