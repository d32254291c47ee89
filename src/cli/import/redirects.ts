import { legacyPathKey } from '../../redirects/legacy-path'
import { commentsFeedPath } from '../../urls/comment-paths'
import { postPath, tagPath } from '../../urls/paths'
import { pagePath } from '../../urls/site-pages'
import type { PlannedRedirect } from './import-types'
import { pageTakesComments, type ImportedItem } from './items'
import { resolveOld } from './urls'
import type { WxrItem } from './wxr-types'

/**
 * The old addresses of the imported items, keyed by `legacyPathKey`: each item's permalink (its
 * `<link>`), `/?p=<id>` (posts) and `/?page_id=<id>` (pages), a post's comment feed
 * (`<permalink>/feed`), the pages of the categories and tags its public posts carry
 * (`/category/<x>`, `/tag/<x>`, `?tag=<x>`), and attachment pages (to the post they belong to).
 * Drafts were never public and get none. The first target of a key wins; a clash is a warning.
 */
export function planRedirects(items: ImportedItem[], attachments: WxrItem[], blogUrl: string, warnings: string[]): Map<string, string> {
  const map = new Map<string, string>()
  const base = (resolveOld(blogUrl, blogUrl)?.pathname ?? '/').replace(/\/+$/, '')
  const add = (path: string, search: string, to: string) => {
    const key = legacyPathKey(path, search)
    if (key === null || key === to) return
    const had = map.get(key)
    if (had === undefined) map.set(key, to)
    else if (had !== to) warnings.push(`the old address ${key} would lead to both ${had} and ${to}; kept ${had}`)
  }
  const byId = new Map<number, string>()
  for (const imported of items.filter((i) => !i.draft)) {
    const { item, kind, slug } = imported
    const to = kind === 'post' ? postPath(slug) : pagePath(slug)
    byId.set(item.id, to)
    const link = resolveOld(item.link, blogUrl)
    if (link) add(link.pathname, link.search, to)
    add(`${base}/`, kind === 'post' ? `?p=${item.id}` : `?page_id=${item.id}`, to)
    // A page's comment feed exists only when the page takes comments, as its import decides.
    const hasFeed = kind === 'post' || pageTakesComments(item)
    if (hasFeed && link && !link.search) add(`${link.pathname.replace(/\/+$/, '')}/feed`, '', commentsFeedPath({ path: to }))
    if (kind === 'page') continue
    for (const term of item.terms) {
      if (!imported.tags.includes(term.name)) continue
      if (term.domain === 'category') add(`${base}/category/${term.nicename}`, '', tagPath(term.name))
      if (term.domain === 'post_tag') {
        add(`${base}/tag/${term.nicename}`, '', tagPath(term.name))
        add(`${base}/`, `?tag=${term.nicename}`, tagPath(term.name))
      }
    }
  }
  for (const attachment of attachments) {
    const to = byId.get(attachment.parent)
    const link = resolveOld(attachment.link, blogUrl)
    if (to && link) add(link.pathname, link.search, to)
  }
  return map
}

export function redirectList(map: Map<string, string>): PlannedRedirect[] {
  return [...map].map(([from, to]) => ({ from, to }))
}
