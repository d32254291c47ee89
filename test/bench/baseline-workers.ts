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

// Reads what the uncached page reads per view once it has the index (the post's HTML from KV
// and its whole public thread from D1, in parallel) and renders nothing: the floor the
// uncached page is held to. All columns, so it reads at least the bytes the page's query does.
const STORAGE_FLOOR = `
export default {
  async fetch(request, env) {
    const [post, thread] = await Promise.all([
      env.CONTENT.get(env.POST_KEY, 'text'),
      env.DB.prepare("SELECT * FROM comments WHERE post_slug = ?1 AND status IN ('approved', 'deleted') ORDER BY created_at, id")
        .bind(env.SLUG)
        .all(),
    ])
    return new Response(post + JSON.stringify(thread.results), { headers: { 'content-type': 'text/html; charset=UTF-8' } })
  },
}`

// Not a target of the issue, a measure beside it: the reads the real page makes, made as it makes
// them (the index and the post's copy from KV; from D1, through the Sessions API, one batch of the
// thread's version, its stored page, with its HTML unless the isolate holds that page already, and
// the rows when no page is stored: src/comments/discussion-pages.ts), all in parallel
// (src/app.tsx), and nothing else. The page ÷ this is what the Worker's own code
// costs (routing, render, ETag, headers, the Cache API calls) over the reads it cannot skip.
const PAGE_READS = `
const VERSION = 'COALESCE((SELECT version FROM thread_versions WHERE post_slug = ?1), 0)'
const WHERE = 'FROM discussion_pages WHERE post_slug = ?1 AND page = ?2 AND version = ' + VERSION
const STORED = 'SELECT view_key, comment_count, page_count, html_hash, CASE WHEN html_hash = ?3 THEN NULL ELSE html END AS html ' + WHERE
const ROWS = "SELECT * FROM comments WHERE post_slug = ?1 AND status IN ('approved', 'deleted') AND NOT EXISTS (SELECT 1 " + WHERE + ") ORDER BY created_at, id"
// The stored page this isolate read last, as the real Worker keeps it.
let kept
export default {
  async fetch(request, env) {
    const session = env.DB.withSession('first-unconstrained')
    const [index, post, [, stored, rows]] = await Promise.all([
      env.CONTENT.get('index', 'text'),
      env.CONTENT.get(env.POST_KEY, 'text'),
      session.batch([
        session.prepare('SELECT ' + VERSION + ' AS version').bind(env.SLUG),
        session.prepare(STORED).bind(env.SLUG, 1, kept?.hash ?? null),
        session.prepare(ROWS).bind(env.SLUG, 1),
      ]),
    ])
    const row = stored.results[0]
    if (row && row.html !== null) kept = { hash: row.html_hash, html: row.html }
    const thread = row ? row.html ?? kept.html : JSON.stringify(rows.results)
    return new Response(index + post + thread, { headers: { 'content-type': 'text/html; charset=UTF-8' } })
  },
}`

/**
 * miniflare options for a storage-floor Worker reading the post `slug` (KV key `postKey`) and
 * its thread, with CONTENT and DB bound as the real Worker has them (seed them the same way).
 * `kind: 'page-reads'` reads what the page reads, as it reads it (`postKey` is then the copy's key).
 */
export function storageFloorOptions(
  slug: string,
  postKey: string,
  platform: Record<string, unknown>,
  kind: 'floor' | 'page-reads' = 'floor',
): Record<string, unknown> {
  return {
    ...platform,
    modules: true,
    script: kind === 'floor' ? STORAGE_FLOOR : PAGE_READS,
    kvNamespaces: ['CONTENT'],
    d1Databases: ['DB'],
    bindings: { SLUG: slug, POST_KEY: postKey },
  }
}
