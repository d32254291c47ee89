import { INDEX_KEY, postCopyHtml, postCopyKey, postKey } from './keys'
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
  return parseIndex(await kv.get(INDEX_KEY, 'text'))
}

/** A post's copy (`postCopyKey`) as its page read it, with the slug it was read for. */
export interface PostCopy {
  slug: string
  text: string | null
}

/**
 * The index, as `getIndex` gives it, and the copy of the post `slug` (`postCopyKey`), read side
 * by side before the index says whether the post exists: a post's page then waits for one KV
 * round trip, not two in series (the index, then the key it names). No copy for a slug that
 * can have none. Two reads in parallel rather than one bulk read (`get([...])`): in miniflare a
 * bulk read costs more than both (345 against 442 requests a second in a Worker doing nothing
 * else, on this project's 2-core machines), and in production both are one round trip.
 */
export async function getIndexWithPostCopy(kv: KVNamespace, slug: string): Promise<{ index: ContentIndex; copy?: PostCopy }> {
  const key = postCopyKey(slug)
  if (key === undefined) return { index: await getIndex(kv) }
  // The copy only saves a round trip: a failed read of it (logged) leaves the page to the body.
  const copy = kv.get(key, 'text').catch((error: unknown) => {
    console.error('reading the post copy failed', key, error)
    return null
  })
  const [index, text] = await Promise.all([kv.get(INDEX_KEY, 'text'), copy])
  return { index: parseIndex(index), copy: { slug, text } }
}

function parseIndex(text: string | null): ContentIndex {
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

/**
 * The post's HTML joined to its metadata, or null when KV does not hold it (yet). From `copy`
 * (`getIndexWithPostCopy`) when it is this post's, rendered for the hash the index names; else
 * read from the content-addressed key.
 */
export async function getPost(kv: KVNamespace, meta: PostMeta, copy?: PostCopy): Promise<Post | null> {
  const html = (copy?.slug === meta.slug ? postCopyHtml(copy.text, meta.hash) : undefined) ?? (await kv.get(postKey(meta), 'text'))
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
