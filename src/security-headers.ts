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

export interface CspSources {
  /** `'sha256-…'` sources of the inline stylesheets. */
  styleHashes: string[]
  /** Whether Turnstile's script and frame are allowed. */
  turnstile: boolean
  /** The origins posts may embed in iframes (`site.yaml` `embeds`). */
  embeds: readonly string[]
}

/**
 * The Content-Security-Policy: no inline script, only the inline stylesheets given (by hash, not
 * nonce: a nonce would be frozen into cached pages), stylesheets and everything else from the
 * site's own origin, images from any https origin, and frames from Turnstile (when on) and the
 * author's `embeds` only: `frame-src 'none'` when there are neither.
 */
export function contentSecurityPolicy({ styleHashes, turnstile, embeds }: CspSources): string {
  const outside = turnstile ? [TURNSTILE_ORIGIN] : []
  const frames = [...outside, ...embeds]
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...outside]],
    ['frame-src', frames.length ? frames : ["'none'"]],
    ['style-src', ["'self'", ...styleHashes]],
    ['img-src', ["'self'", 'https:', 'data:']],
    ['connect-src', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['object-src', ["'none'"]],
  ]
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ')
}

/**
 * Security headers on every response, cache hits and error pages included (a cached page keeps
 * the ones it was stored with; publishing a new `embeds` changes the site config, which purges
 * every page). The CSP is set once the route has run, since `frame-src` follows the published
 * site config, which is read after this middleware; JSON-LD blocks are data, not script, and
 * need no source. Turnstile's sources are read on the first request, from the secrets.
 */
export function securityHeaders(inlineStyles: string[] = []): MiddlewareHandler<AppEnv> {
  let others: MiddlewareHandler<AppEnv> | undefined
  let styleHashes: string[] | undefined
  const policies = new Map<string, string>()
  return async function securityHeaders(c, next) {
    styleHashes ??= await Promise.all(inlineStyles.map(cspHash))
    others ??= secureHeaders({ referrerPolicy: 'strict-origin-when-cross-origin', crossOriginEmbedderPolicy: false })
    await others(c, next)
    const embeds = c.get('index')?.site.embeds ?? []
    const turnstile = Boolean(c.env.TURNSTILE_SECRET)
    const key = `${turnstile} ${embeds.join(' ')}`
    let policy = policies.get(key)
    if (policy === undefined) {
      policy = contentSecurityPolicy({ styleHashes, turnstile, embeds })
      // A handful of keys at most in practice (one per published `embeds`); bounded anyway.
      if (policies.size > 16) policies.clear()
      policies.set(key, policy)
    }
    c.res.headers.set('Content-Security-Policy', policy)
  }
}
