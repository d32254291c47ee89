/**
 * The key under which an old address (a WordPress permalink, `/?p=<id>`, `/category/<x>/`…) is
 * stored in the `redirects` table, shared by the import tool (Node, which writes the rows) and
 * the Worker (which looks a request up). Both sides must agree byte for byte, so this is the only
 * place the rule lives.
 *
 * The rule: the path percent-decoded (a WordPress export spells `%C3%A9`, `%c3%a9` or `é`
 * depending on its age), NFC, lower-cased, without its trailing slash (except the root); of the
 * query, only `p`, `page_id`, `cat` and `tag`, which address a post, a page or a term on their
 * own, are kept, in that order. Returns null for what cannot be an old address (a path that does
 * not decode), so a lookup never throws.
 */
export const KEPT_PARAMS = ['p', 'page_id', 'cat', 'tag'] as const

export function legacyPathKey(pathname: string, search = ''): string | null {
  let path: string
  try {
    path = decodeURIComponent(pathname)
  } catch {
    return null
  }
  path = path.normalize('NFC').toLowerCase()
  if (!path.startsWith('/')) path = `/${path}`
  if (path.length > 1) path = path.replace(/\/+$/, '') || '/'
  const params = new URLSearchParams(search)
  const kept = KEPT_PARAMS.flatMap((name) => {
    const value = params.get(name)
    return value === null || value === '' ? [] : [`${name}=${encodeURIComponent(value.toLowerCase())}`]
  })
  return kept.length === 0 ? path : `${path}?${kept.join('&')}`
}
