import { pageTag, postTag } from '../cache/tags'
import { pageKey } from '../content/keys'
import { postSurroundings } from '../content/surroundings'
import type { ContentIndex } from '../content/types'
import { canonicalJson } from './build-index'

/** Far enough ahead that every scheduled post counts as public: it will be, without a publish. */
const EVERY_POST = new Date(8.64e15)

/**
 * Post pages whose links to other posts (previous, next, translations) differ between `before`
 * and `after`: a new or retitled post changes its neighbours' pages, not only its own. Posts
 * added or removed are purged anyway and not listed here.
 */
export function surroundingsChanged(before: ContentIndex | null, after: ContentIndex): string[] {
  if (!before) return []
  const shown = (index: ContentIndex) =>
    new Map(index.posts.map((meta) => [meta.slug, canonicalJson({ ...postSurroundings(index, meta, EVERY_POST), waitsForSchedule: undefined })]))
  const old = shown(before)
  return [...shown(after)].filter(([slug, links]) => old.has(slug) && old.get(slug) !== links).map(([slug]) => postTag(slug))
}

/** What a publish changes of the pages (`content/pages/`): their slugs, body keys and cache tags. */
export interface PagesPlan {
  added: string[]
  changed: string[]
  removed: string[]
  /** `page:<slug>` of each page touched; whether any public one was (the sitemap lists them). */
  purgeTags: string[]
  listed: boolean
  /** Body keys the new index uses, and those the old one did. */
  keep: string[]
  stored: string[]
}

export function planPages(current: ContentIndex | null, next: ContentIndex, siteChanged: boolean): PagesPlan {
  const before = new Map((current?.pages ?? []).map((meta) => [meta.slug, meta]))
  const after = new Map((next.pages ?? []).map((meta) => [meta.slug, meta]))
  const added = [...after.keys()].filter((slug) => !before.has(slug))
  const removed = [...before.keys()].filter((slug) => !after.has(slug))
  const changed = [...after.keys()].filter((slug) => before.has(slug) && before.get(slug)!.hash !== after.get(slug)!.hash)
  const touched = siteChanged ? [...new Set([...before.keys(), ...after.keys()])] : [...added, ...changed, ...removed]
  const metas = touched.flatMap((slug) => [before.get(slug), after.get(slug)]).filter((meta) => meta !== undefined)
  return {
    added,
    changed,
    removed,
    purgeTags: touched.map(pageTag),
    listed: metas.some((meta) => !meta.draft),
    keep: [...after.values()].map(pageKey),
    stored: [...before.values()].map(pageKey),
  }
}
