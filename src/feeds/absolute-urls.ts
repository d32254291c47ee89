/**
 * Feed readers show a post outside its page, so every URL in its HTML must be absolute.
 * The HTML is the author's rendered markdown (trusted, well-formed enough for a tag scanner).
 */

const SCHEME = /^[a-z][a-z\d+.-]*:/i
// A start tag (its name, then its attributes, whose quoted values may hold `>`).
const TAG = /(<[a-z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/gi
// One attribute at a time, value included, so a match never starts inside another's value.
const ATTR = /(\s+)([^\s"'>/=]+)(?:(\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g
const URL_ATTRS = new Set(['href', 'src', 'srcset', 'poster', 'cite'])

/**
 * `ref` made absolute. A root-relative URL (`/media/a.png`) is taken from the site's root, so
 * it keeps the path prefix of `baseUrl` (which has no trailing slash); `//host/x` takes the
 * site's scheme; anything else relative (`a.png`, `../x`, `?q`, `#note`) resolves against
 * `pageUrl` as a browser would on that page. URLs that have a scheme are returned unchanged.
 */
export function absoluteUrl(ref: string, baseUrl: string, pageUrl: string): string {
  const url = ref.trim()
  if (SCHEME.test(url)) return ref
  if (url.startsWith('//')) return new URL(baseUrl).protocol + url
  if (url.startsWith('/')) return baseUrl + url
  return new URL(url, pageUrl).href
}

/**
 * The HTML with relative URLs in `href`, `src`, `srcset`, `poster` and `cite` attributes made
 * absolute (see `absoluteUrl`). Values are kept HTML-encoded as found (`&amp;` stays `&amp;`).
 */
export function absolutizeHtml(html: string, baseUrl: string, pageUrl: string): string {
  const resolve = (ref: string) => absoluteUrl(ref, baseUrl, pageUrl)
  const rewrite = (attr: string, space: string, name: string, eq?: string, dq?: string, sq?: string, bare?: string) => {
    const lower = name.toLowerCase()
    if (!eq || !URL_ATTRS.has(lower)) return attr
    const value = dq ?? sq ?? bare ?? ''
    const resolved = lower === 'srcset' ? resolveSrcset(value, resolve) : resolve(value)
    const quote = sq !== undefined ? "'" : '"'
    return `${space}${name}${eq}${quote}${resolved}${quote}`
  }
  return html.replace(TAG, (_tag, open: string, attrs: string) => `${open}${attrs.replace(ATTR, rewrite)}>`)
}

/** `a.png 1x, /b.png 2x`: each candidate's URL, keeping its descriptor (URLs with commas are not supported). */
function resolveSrcset(srcset: string, resolve: (ref: string) => string): string {
  return srcset
    .split(',')
    .map((candidate) => {
      const [url = '', ...descriptor] = candidate.trim().split(/\s+/)
      return url ? [resolve(url), ...descriptor].join(' ') : candidate
    })
    .join(', ')
}
