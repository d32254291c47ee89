import { INDEX_KEY, postKey } from './keys'
import { DEFAULT_SITE } from './site-defaults'
import type { ContentIndex, Post, PostMeta } from './types'

/** The last index this isolate parsed, by its text: most requests read the same one again. */
let parsed: { text: string; index: ContentIndex } | undefined

/**
 * The published index, or an empty one (default site, no posts) before the first publish. Read
 * from KV on every call; parsed only when its text differs from the last one this isolate saw
 * (comparing the text costs far less than parsing a blog's whole index). The object is shared
 * by every request of the isolate, so it is frozen: callers copy, never change it.
 */
export async function getIndex(kv: KVNamespace): Promise<ContentIndex> {
  const text = await kv.get(INDEX_KEY, 'text')
  if (text === null) return { version: 'empty', site: DEFAULT_SITE, posts: [] }
  if (parsed?.text !== text) parsed = { text, index: deepFreeze(JSON.parse(text) as ContentIndex) }
  return parsed.index
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

/** The post's HTML joined to its metadata, or null when KV does not hold it (yet). */
export async function getPost(kv: KVNamespace, meta: PostMeta): Promise<Post | null> {
  const html = await kv.get(postKey(meta), 'text')
  return html === null ? null : { ...meta, html }
}

/** A post readers may see at `now`: not a draft, and its date has come. */
export function isPublic(meta: Pick<PostMeta, 'draft' | 'date'>, now: Date): boolean {
  return !meta.draft && Date.parse(meta.date) <= now.getTime()
}

/** The posts readers may see at `now`, newest first (the index is already sorted). */
export function listPublicPosts(index: ContentIndex, now: Date): PostMeta[] {
  return index.posts.filter((meta) => isPublic(meta, now))
}

/**
 * Seconds until the next scheduled post becomes public, or undefined when none is scheduled.
 * Lists cap their edge lifetime with it, so no cached page keeps a post hidden past its date.
 */
export function secondsUntilNextPost(index: ContentIndex, now: Date): number | undefined {
  const upcoming = index.posts
    .filter((meta) => !meta.draft && Date.parse(meta.date) > now.getTime())
    .map((meta) => Math.ceil((Date.parse(meta.date) - now.getTime()) / 1000))
  return upcoming.length ? Math.min(...upcoming) : undefined
}

export function findPost(index: ContentIndex, slug: string): PostMeta | undefined {
  return index.posts.find((meta) => meta.slug === slug)
}
