import type { SiteConfig } from '../content/types'
import { pagePath, postPath } from '../urls'
import type { ExportComment, ExportSubscription } from './export-d1'
import type { ParsedPost } from './parse-content'
import type { ParsedPage } from './parse-pages'

/**
 * What `npm run export` writes, whatever the format: the site, every post and page of `content/`
 * (and a stand-in for each post that comments name but `content/` no longer has), every comment
 * and every subscription. Pure: the readers are in export-d1.ts and export-run.ts.
 */

export interface ExportPost {
  /** A post, or a page of `content/pages/` (WordPress's `page` type: no date of its own, no tags). */
  type: 'post' | 'page'
  slug: string
  title: string
  /** ISO 8601 instants; a page, which has no date, carries the export's. */
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
  /** The pages of `content/pages/`. */
  pages?: readonly ParsedPage[]
  /** The post's or page's HTML, as the publish tool renders it. */
  render: (post: ParsedPost | ParsedPage) => string
  comments: readonly ExportComment[]
  subscriptions: readonly ExportSubscription[]
  /** WordPress ids by the path they lead to (`readWordPressIds`). */
  wordpressIds: ReadonlyMap<string, number>
  now: Date
}

/** The export of `sources`: posts oldest first, then pages by slug, then the stand-ins; comments by id. */
export function buildExportData(sources: ExportSources): ExportData {
  const { site, now } = sources
  const taken = new Set(sources.wordpressIds.values())
  const idOf = (path: string, slug: string) => {
    const id = sources.wordpressIds.get(path) ?? derivedId(slug, taken)
    taken.add(id)
    return id
  }
  // What a post and a page of content/ share; `path` is where it answers, and its WordPress id's key.
  const fromContent = (item: ParsedPost | ParsedPage, path: string) => ({
    slug: item.meta.slug,
    title: item.meta.title,
    summary: item.meta.summary,
    ...(item.meta.lang && { lang: item.meta.lang }),
    markdown: item.markdown,
    html: sources.render(item),
    url: site.baseUrl + path,
    wordpressId: idOf(path, item.meta.slug),
    inContent: true,
    commentsOpen: item.meta.comments,
  })
  const posts: ExportPost[] = [...sources.posts]
    .sort((a, b) => Date.parse(a.meta.date) - Date.parse(b.meta.date) || a.meta.slug.localeCompare(b.meta.slug))
    .map((post) => ({
      ...fromContent(post, postPath(post.meta.slug)),
      type: 'post',
      date: post.meta.date,
      ...(post.meta.updated && { updated: post.meta.updated }),
      tags: post.meta.tags,
      status: post.meta.draft ? 'draft' : Date.parse(post.meta.date) > now.getTime() ? 'future' : 'publish',
    }))
  const pages: ExportPost[] = [...(sources.pages ?? [])]
    .sort((a, b) => a.meta.slug.localeCompare(b.meta.slug))
    .map((page) => ({
      ...fromContent(page, pagePath(page.meta.slug)),
      type: 'page',
      date: now.toISOString(),
      tags: [],
      status: page.meta.draft ? 'draft' : 'publish',
    }))
  // A page's comments go with the page (one slug namespace: src/cli/parse-pages.ts).
  posts.push(...pages)
  const known = new Set(posts.map((post) => post.slug))
  for (const slug of [...new Set(sources.comments.map((c) => c.postSlug))].sort()) {
    if (known.has(slug)) continue
    const first = Math.min(...sources.comments.filter((c) => c.postSlug === slug).map((c) => c.createdAt))
    posts.push({
      type: 'post', slug, title: slug, date: new Date(first).toISOString(), tags: [], summary: '', status: 'draft',
      markdown: '', html: '', url: site.baseUrl + postPath(slug), wordpressId: idOf(postPath(slug), slug), inContent: false, commentsOpen: false,
    })
  }
  const comments = [...sources.comments].sort((a, b) => a.id - b.id)
  return { site, exportedAt: now, posts, comments, subscriptions: [...sources.subscriptions] }
}
