import { cacheablePage } from './cacheable'
import { encodeSegment } from './paths'

/**
 * One URL per page: the route decodes and NFC-normalizes its slug, so
 * `/posts/r%c3%a9`, `/posts/re%CC%81` and `/posts/%72%C3%A9` all reach `/posts/r%C3%A9`; a purge
 * deletes only the canonical URL, so every other spelling is redirected to it.
 */

/**
 * `pathname` with each segment percent-decoded, NFC-normalized and encoded again by
 * `encodeSegment` (uppercase hex, unreserved letters literal). A path with a segment that is
 * not UTF-8 is returned as it is: no route can match it, so nothing of it is cached.
 */
export function canonicalPath(pathname: string): string {
  try {
    return pathname
      .split('/')
      .map((segment) => encodeSegment(decodeURIComponent(segment).normalize('NFC')))
      .join('/')
  } catch {
    return pathname
  }
}

/** A request URL in canonical form, from `canonicalUrl`. */
export interface CanonicalUrl {
  path: string
  /** The query the page takes (`?…` or empty): for a page never cached, the query as sent. */
  search: string
  /** Whether the edge may keep the page at `path` at all. */
  cacheable: boolean
  /** The poster's link parameters the page takes, still to verify; not in `search`. */
  personal: [name: string, value: string][]
}

/**
 * The canonical form of `url`: its canonical path and, for a cacheable page, only the query
 * parameters that page takes, in a fixed order, first value of each.
 */
export function canonicalUrl(url: URL): CanonicalUrl {
  const path = canonicalPath(url.pathname)
  const page = cacheablePage(path)
  if (!page) return { path, search: rawSearch(url), cacheable: false, personal: [] }
  const pick = (names: readonly string[]) =>
    names.flatMap((name): [string, string][] => {
      const value = url.searchParams.get(name)
      return value === null ? [] : [[name, value]]
    })
  const kept = new URLSearchParams(pick(page.query)).toString()
  return { path, search: kept && `?${kept}`, cacheable: true, personal: pick(page.personal) }
}

/** The query exactly as sent, with its `?` even when empty (`url.search` drops a lone `?`). */
export function rawSearch(url: URL): string {
  const at = url.href.indexOf('?')
  return at < 0 ? '' : url.href.slice(at).replace(/#.*$/, '')
}
