import { pageTag, parseTag, postTag } from '../cache/tags'
import { asOf } from '../comments/closing'
import { postPath } from '../urls/paths'
import { pagePath } from '../urls/site-pages'
import { findPage } from './pages-store'
import { findPost, isPublic } from './store'
import type { ContentIndex, PageMeta, PostMeta } from './types'

/**
 * What a discussion hangs on: a post, or a page whose front matter says `comments: true`. Its
 * thread is keyed in D1 by `slug` (the `post_slug` column): the publish tool refuses a page and a
 * post with the same slug, so one key never names two threads. Every address of the discussion
 * starts at `path` (`/posts/<slug>` or `/<slug>`), and every cached page of it carries `tag`.
 */
export interface DiscussionHost {
  kind: 'post' | 'page'
  /** The thread's key: the post's or the page's slug. */
  slug: string
  title: string
  summary: string
  lang?: string
  draft: boolean
  /** Root path of its own page, where the thread is shown; the discussion's paths extend it. */
  path: string
  /** The cache tag of its page, its discussion pages, its comment feed and its JSON thread. */
  tag: string
  /** Takes new comments (false once closed, by `comments: false` or, for a post, by age: `asOf`). */
  comments: boolean
  /** A post's date (a page has none, so a page's discussion never closes by age). */
  date?: string
  updated?: string
  closeAfterDays?: number
}

export function postHost(meta: PostMeta): DiscussionHost {
  const { slug, title, summary, lang, draft, comments, date, updated, closeAfterDays } = meta
  return { kind: 'post', slug, title, summary, lang, draft, comments, date, updated, closeAfterDays, path: postPath(slug), tag: postTag(slug) }
}

export function pageHost(meta: PageMeta): DiscussionHost {
  const { slug, title, summary, lang, draft, comments } = meta
  return { kind: 'page', slug, title, summary, lang, draft, comments, path: pagePath(slug), tag: pageTag(slug) }
}

/** The post or commentable page whose thread `slug` keys, drafts and scheduled posts included. */
export function findHost(index: ContentIndex, slug: string, kind?: DiscussionHost['kind']): DiscussionHost | undefined {
  const post = kind === 'page' ? undefined : findPost(index, slug)
  if (post) return postHost(post)
  const page = kind === 'post' ? undefined : findPage(index, slug)
  return page?.comments ? pageHost(page) : undefined
}

/**
 * The host (of `kind`, when given) readers may comment on at `now` under `slug`: a public post,
 * or a page that is no draft and takes comments; `comments` false once its discussion closed by age.
 */
export function publicHost(index: ContentIndex, slug: string, kind: DiscussionHost['kind'] | undefined, now: Date): DiscussionHost | undefined {
  const host = findHost(index, slug, kind)
  if (!host) return undefined
  const visible = host.kind === 'post' ? isPublic({ draft: host.draft, date: host.date! }, now) : !host.draft
  return visible ? asOf(host, index.site, now) : undefined
}

/**
 * `tags` with each thread's tag as its host has it. The comment's writers (the service,
 * moderation, the poster's edits, erasure) know only a thread's key and name its pages
 * `postTag(slug)`; their shared purge (`writePurge`, src/cache/coalesce.ts), which has the index,
 * turns that into `page:<slug>` when the thread is a commentable page's. A post's tag, and a
 * slug no host has any more, stay.
 */
export function hostTags(index: ContentIndex, tags: readonly string[]): string[] {
  return tags.map((tag) => {
    const parsed = parseTag(tag)
    return parsed?.kind === 'post' ? (findHost(index, parsed.slug)?.tag ?? tag) : tag
  })
}

/** What links to a stored thread show: its host's title and path (a `ThreadAddress`). */
export interface ThreadLink {
  title: string
  path: string
}

/**
 * The title and path of the thread keyed `slug`, for what starts from a stored comment (emails,
 * admin, feeds): its host's, or the slug and a post's address when no host is published any
 * more (the address sent emails hold).
 */
export function threadLink(index: ContentIndex, slug: string): ThreadLink {
  const host = findHost(index, slug)
  return host ? { title: host.title, path: host.path } : { title: slug, path: postPath(slug) }
}
