import { createHash } from 'node:crypto'
import { pageKey, postKey } from '../content/keys'
import { buildNavigation } from '../content/navigation'
import type { ContentIndex, MediaSize, PageMeta, PostMeta } from '../content/types'
import { POST_RENDER_VERSION, renderPublishedPost } from '../markdown/post'
import type { ParsedContent } from './parse-content'
import { publishedConfusables } from './confusables'
import { publishedSite } from './published-look'

/** What a publish makes of `content/`: the index and every post's HTML under its KV key. */
export interface BuiltContent {
  index: ContentIndex
  /**
   * KV key (`postKey(meta)`, `pageKey(meta)`) → its HTML (`renderPublishedPost`), for every post
   * and page in the index; the site stylesheet's key (`stylesheetKey`) → its CSS, when there
   * is one; and the confusables table's key (`confusablesKey`) → its JSON.
   */
  bodies: Map<string, string>
}

/**
 * Builds the content index and renders every post and page (pages as posts are, sorted by slug,
 * their navigation resolved into `site.menu` by `buildNavigation`): posts newest first (ties by slug, so the
 * order is stable), each with a hash of its metadata, its HTML and `POST_RENDER_VERSION` (so a
 * resized image, a new base URL or a renderer upgrade gives the post a new key, and the next
 * publish rewrites it), a `version` hashing everything, and the sizes of the images the indexed
 * posts show, and the confusables table that comments' names are checked with (stored like a
 * body, its key in the index and the version). Drafts are left out unless `drafts` is set (local previews). `renderVersion` is
 * the renderer's version the hashes carry (`POST_RENDER_VERSION`; a test gives another to see
 * what an upgrade publishes). Deterministic: same content, same index.
 */
export function buildIndex(
  content: ParsedContent,
  { drafts, renderVersion = POST_RENDER_VERSION }: { drafts: boolean; renderVersion?: number },
): BuiltContent {
  const bodies = new Map<string, string>()
  const media: Record<string, MediaSize> = {}
  const posts: PostMeta[] = content.posts
    .filter((post) => drafts || !post.meta.draft)
    .map((post) => {
      const sizes = sizesOf(post.images, content.media)
      if (sizes) Object.assign(media, sizes)
      const html = renderPublishedPost(content.site, post.meta, post.markdown, sizes)
      const meta = { ...post.meta, hash: contentHash({ meta: post.meta, html, renderer: renderVersion }) }
      bodies.set(postKey(meta), html)
      return meta
    })
    .sort((a, b) => b.date.localeCompare(a.date) || (a.slug < b.slug ? -1 : 1))
  const pages: PageMeta[] = (content.pages ?? [])
    .filter((page) => drafts || !page.meta.draft)
    .map((page) => {
      const sizes = sizesOf(page.images, content.media)
      if (sizes) Object.assign(media, sizes)
      const html = renderPublishedPost(content.site, page.meta, page.markdown, sizes)
      const meta = { ...page.meta, hash: contentHash({ meta: page.meta, html, renderer: renderVersion }) }
      bodies.set(pageKey(meta), html)
      return meta
    })
    .sort((a, b) => (a.slug < b.slug ? -1 : 1))
  const menu = buildNavigation(pages, content.site.menu ?? [])
  const { menu: _links, ...config } = content.site
  // The logo's size and the stylesheet's path join the site config; the stylesheet is stored like a body.
  const { site: looked, stylesheet } = publishedSite(config, content.theme, content.media)
  if (stylesheet) bodies.set(stylesheet.key, stylesheet.css)
  const site = menu.length ? { ...looked, menu } : looked
  const names = publishedConfusables()
  bodies.set(names.key, names.json)
  // Without pages the version hashes what it hashed before pages existed.
  const version = contentHash({ site, posts, pages: pages.length ? pages : undefined, confusables: names.key, postCopies: true })
  const keys = Object.keys(media).sort()
  const index: ContentIndex = { version, site, posts, ...(pages.length > 0 && { pages }), confusables: names.key, postCopies: true }
  if (keys.length) index.media = Object.fromEntries(keys.map((key) => [key, media[key]!]))
  return { index, bodies }
}

/** The known sizes of `images`, or undefined when none is known. */
function sizesOf(images: string[], media: ParsedContent['media']): Record<string, MediaSize> | undefined {
  const known = images.filter((image) => media?.[image]).sort()
  return known.length ? Object.fromEntries(known.map((image) => [image, media![image]!])) : undefined
}

/** 16 hex characters of the SHA-256 of `value`'s canonical JSON (keys sorted). */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 16)
}

/** JSON with object keys sorted and undefined members dropped, so equal data gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, val: unknown) =>
    val !== null && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(Object.entries(val).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : val,
  )
}
