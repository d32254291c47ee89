import type { SiteConfig } from '../content/types'
import { postPath } from '../urls'
import type { ExportComment, ExportSubscription } from './export-d1'
import type { ParsedPost } from './parse-content'

/**
 * What `npm run export` writes, whatever the format: the site, every post of `content/` (and a
 * stand-in for each post that comments name but `content/` no longer has), every comment and
 * every subscription. Pure: the readers are in export-d1.ts and export-run.ts.
 */

export interface ExportPost {
  slug: string
  title: string
  /** ISO 8601 instants. */
  date: string
  updated?: string
  tags: string[]
  summary: string
  lang?: string
  /** WordPress's status: a draft, a post whose date has not come, or a public one. */
  status: 'publish' | 'draft' | 'future'
  /** The front matter's body as written, and its HTML as the publish tool renders it. */
  markdown: string
  html: string
  /** The absolute address of its page. */
  url: string
  /** The post's WordPress id: kept from the import when there was one, else derived from the slug. */
  wordpressId: number
  /** False for a stand-in: comments name the slug but `content/` has no such post. */
  inContent: boolean
  commentsOpen: boolean
}

export interface ExportData {
  site: SiteConfig
  exportedAt: Date
  posts: ExportPost[]
  comments: ExportComment[]
  subscriptions: ExportSubscription[]
}

/** Ids given to posts the import did not bring start here, above any WordPress blog's own. */
const DERIVED_IDS_FROM = 1_000_000_000

/** A stable id for `slug` (FNV-1a), so that two exports give a post the same `wp:post_id`. */
function derivedId(slug: string, taken: Set<number>): number {
  let hash = 0x811c9dc5
  for (const byte of new TextEncoder().encode(slug)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0
  let id = DERIVED_IDS_FROM + (hash % 1_000_000_000)
  while (taken.has(id)) id++
  return id
}

export interface ExportSources {
  site: SiteConfig
  posts: readonly ParsedPost[]
  /** The post's HTML, as the publish tool renders it. */
  render: (post: ParsedPost) => string
  comments: readonly ExportComment[]
  subscriptions: readonly ExportSubscription[]
  /** WordPress ids by the path they lead to (`readWordPressIds`). */
  wordpressIds: ReadonlyMap<string, number>
  now: Date
}

/** The export of `sources`: posts oldest first, then the stand-ins; comments by id. */
export function buildExportData(sources: ExportSources): ExportData {
  const { site, now } = sources
  const taken = new Set(sources.wordpressIds.values())
  const idOf = (slug: string) => {
    const id = sources.wordpressIds.get(postPath(slug)) ?? derivedId(slug, taken)
    taken.add(id)
    return id
  }
  const url = (slug: string) => site.baseUrl + postPath(slug)
  const posts: ExportPost[] = [...sources.posts]
    .sort((a, b) => Date.parse(a.meta.date) - Date.parse(b.meta.date) || a.meta.slug.localeCompare(b.meta.slug))
    .map((post) => ({
      slug: post.meta.slug,
      title: post.meta.title,
      date: post.meta.date,
      ...(post.meta.updated && { updated: post.meta.updated }),
      tags: post.meta.tags,
      summary: post.meta.summary,
      ...(post.meta.lang && { lang: post.meta.lang }),
      status: post.meta.draft ? 'draft' : Date.parse(post.meta.date) > now.getTime() ? 'future' : 'publish',
      markdown: post.markdown,
      html: sources.render(post),
      url: url(post.meta.slug),
      wordpressId: idOf(post.meta.slug),
      inContent: true,
      commentsOpen: post.meta.comments,
    }))
  const known = new Set(posts.map((post) => post.slug))
  for (const slug of [...new Set(sources.comments.map((c) => c.postSlug))].sort()) {
    if (known.has(slug)) continue
    const first = Math.min(...sources.comments.filter((c) => c.postSlug === slug).map((c) => c.createdAt))
    posts.push({
      slug, title: slug, date: new Date(first).toISOString(), tags: [], summary: '', status: 'draft',
      markdown: '', html: '', url: url(slug), wordpressId: idOf(slug), inContent: false, commentsOpen: false,
    })
  }
  const comments = [...sources.comments].sort((a, b) => a.id - b.id)
  return { site, exportedAt: now, posts, comments, subscriptions: [...sources.subscriptions] }
}
