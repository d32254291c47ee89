import { LIST_TAG, postTag, tagPageTag } from '../cache/tags'
import { postCopyKey, postCopyValue, postKey, stylesheetKey } from '../content/keys'
import { tagSlug } from '../content/slug'
import type { ContentIndex, PostMeta } from '../content/types'
import { stylesheetHash } from '../urls/paths'
import { canonicalJson, type BuiltContent } from './build-index'
import { planPages, surroundingsChanged, type PagesPlan } from './plan-site'

/** What a publish writes, in order: bodies, then the index, then deletions; then purges. */
export interface PublishPlan {
  /** True when KV already holds this exact content: nothing is written or purged. */
  unchanged: boolean
  /**
   * New and changed post bodies, written before the index that points at them, with the copies
   * their pages read beside the index (`postCopyKey`).
   */
  puts: { key: string; value: string }[]
  index: ContentIndex
  /** Bodies (and copies) no post of the new index uses any more, deleted once the index is written. */
  deletes: string[]
  /** Raw cache tags (`post:<slug>`, `page:<slug>`, `list`, `tag:<tagSlug>`) of every page that changed. */
  purgeTags: string[]
  added: string[]
  changed: string[]
  removed: string[]
  /** The author's pages (`content/pages/`) added, changed and removed, by slug. */
  pages: Pick<PagesPlan, 'added' | 'changed' | 'removed'>
  siteChanged: boolean
}

/**
 * Compares what KV holds (`current`, null before the first publish) with what `next` would
 * publish. A post or page is unchanged when its hash is; a changed site config (the navigation
 * included) touches every page.
 */
export function planPublish(current: ContentIndex | null, next: BuiltContent): PublishPlan {
  const before = new Map((current?.posts ?? []).map((meta) => [meta.slug, meta]))
  const after = new Map(next.index.posts.map((meta) => [meta.slug, meta]))
  const added = [...after.keys()].filter((slug) => !before.has(slug))
  const removed = [...before.keys()].filter((slug) => !after.has(slug))
  const changed = [...after.keys()].filter((slug) => before.has(slug) && before.get(slug)!.hash !== after.get(slug)!.hash)
  const siteChanged = current === null || canonicalJson(current.site) !== canonicalJson(next.index.site)
  const pages = planPages(current, next.index, siteChanged)
  const pagesTouched = pages.added.length + pages.changed.length + pages.removed.length > 0
  const unchanged = current?.version === next.index.version && !added.length && !removed.length && !changed.length && !pagesTouched

  const keep = new Set([...next.index.posts.map(postKey), ...pages.keep, ...storedStylesheet(next.index), ...storedConfusables(next.index)])
  const stored = new Set([...(current?.posts.map(postKey) ?? []), ...pages.stored, ...storedStylesheet(current), ...storedConfusables(current)])
  const touched = [...added, ...changed, ...removed]
  const touchedMetas = touched.flatMap((slug) => [before.get(slug), after.get(slug)]).filter((meta) => meta !== undefined)
  const tagged = siteChanged ? [...before.values(), ...after.values()] : touchedMetas
  const purgeTags = new Set<string>((siteChanged ? [...before.keys(), ...after.keys()] : touched).map(postTag))
  if (siteChanged || touchedMetas.some((meta) => !meta.draft) || pages.listed) purgeTags.add(LIST_TAG)
  for (const tag of tagged.flatMap(tagsOf)) purgeTags.add(tagPageTag(tag))
  // Neighbours' and translations' pages link to a post by its title.
  for (const tag of [...pages.purgeTags, ...surroundingsChanged(current, next.index)]) purgeTags.add(tag)

  return {
    unchanged,
    puts: unchanged ? [] : [...[...next.bodies].filter(([key]) => !stored.has(key)).map(([key, value]) => ({ key, value })), ...copyPuts(current, next)],
    index: next.index,
    deletes: unchanged ? [] : [...[...stored].filter((key) => !keep.has(key)), ...(current?.postCopies ? removed.flatMap((slug) => postCopyKey(slug) ?? []) : [])],
    purgeTags: unchanged ? [] : [...purgeTags].sort(),
    added,
    changed,
    removed,
    pages: { added: pages.added, changed: pages.changed, removed: pages.removed },
    siteChanged: !unchanged && siteChanged,
  }
}

/**
 * The copies of post bodies (`postCopyKey`) a publish writes: those of new and changed posts, or
 * every post's when the index KV holds was written before copies existed (it has no
 * `postCopies`), as after the upgrade that brought them.
 */
function copyPuts(current: ContentIndex | null, next: BuiltContent): { key: string; value: string }[] {
  const before = new Map((current?.posts ?? []).map((meta) => [meta.slug, meta.hash]))
  return next.index.posts.flatMap((meta) => {
    const key = postCopyKey(meta.slug)
    if (key === undefined || (current?.postCopies && before.get(meta.slug) === meta.hash)) return []
    return [{ key, value: postCopyValue(meta.hash, next.bodies.get(postKey(meta))!) }]
  })
}

/** The KV key of the site stylesheet an index names, if it names one. */
function storedStylesheet(index: ContentIndex | null): string[] {
  const hash = index?.site.stylesheet && stylesheetHash(index.site.stylesheet)
  return hash ? [stylesheetKey(hash)] : []
}

/** The KV key of the confusables table an index names, if it names one. */
function storedConfusables(index: ContentIndex | null): string[] {
  return index?.confusables ? [index.confusables] : []
}

function tagsOf(meta: PostMeta): string[] {
  return meta.tags.map(tagSlug)
}
