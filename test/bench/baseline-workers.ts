/** What a baseline Worker answers with (always a 200): a copy of the real cached page. */
export interface PageCopy {
  headers: Record<string, string>
  body: Uint8Array
}

// Returns the page from memory: what serving these bytes costs with no work at all.
const TRIVIAL = `
export default {
  fetch(request, env) {
    return new Response(env.BODY, { headers: env.HEADERS })
  },
}`

// Answers from caches.default, putting the same bytes on a miss: the least a cache hit can
// cost in this runtime, and so the bar the real Worker's cached page is held to. Keyed by the
// URL string, as the real Worker keys its pages.
const CACHE_ONLY = `
export default {
  async fetch(request, env, ctx) {
    const cached = await caches.default.match(request.url)
    if (cached) return cached
    const response = new Response(env.BODY, {
      headers: { ...env.HEADERS, 'cache-control': 'public, max-age=3600' },
    })
    ctx.waitUntil(caches.default.put(request.url, response.clone()))
    return response
  },
}`

/**
 * miniflare options for a baseline Worker (`trivial` or `cache-only`) serving `page`, on the
 * `platform` options the real Worker runs with (compatibility date and flags, assets).
 */
export function baselineWorkerOptions(
  kind: 'trivial' | 'cache-only',
  page: PageCopy,
  platform: Record<string, unknown>,
): Record<string, unknown> {
  return {
    ...platform,
    modules: true,
    script: kind === 'trivial' ? TRIVIAL : CACHE_ONLY,
    bindings: { HEADERS: page.headers },
    dataBlobBindings: { BODY: page.body },
  }
}
