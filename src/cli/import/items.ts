import { isValidSlug, slugify, tagSlug } from '../../content/slug'
import type { SiteConfig } from '../../content/types'
import { convertPostBody } from './body'
import { frontMatterDate } from './dates'
import { markdownFile } from './front-matter-write'
import type { MediaResolver } from './media'
import type { AttachmentRef } from './shortcodes'
import { decodeSlug } from './urls'
import type { WxrChannel, WxrItem } from './wxr-types'

/** A post or page of the export that will be imported, with what its file says. */
export interface ImportedItem {
  item: WxrItem
  kind: 'post' | 'page'
  slug: string
  draft: boolean
  tags: string[]
  /** The file's text (front matter and markdown). */
  text: string
  unknownShortcodes: string[]
}

// The default category of a fresh WordPress, in English and in the French its installer writes.
const DEFAULT_CATEGORIES = new Set(['uncategorized', 'non-classe'])
// Pages live at /<slug>: these first segments are the site's own routes.
const RESERVED_PAGE_SLUGS = new Set(['posts', 'tags', 'page', 'archive', 'search', 'admin', 'api', 'media', 'notify'])

/** Whether the channel's language (`fr-FR`) is another language than the site's (`fr`). */
export function otherLanguage(channel: WxrChannel, site: SiteConfig): string | undefined {
  const primary = (tag: string) => tag.toLowerCase().split('-')[0]
  return channel.language && primary(channel.language) !== primary(site.language) ? channel.language : undefined
}

/** The slug of an item: WordPress's, percent-decoded, or one made from the title (drafts have none). */
export function itemSlug(item: WxrItem): string {
  const decoded = decodeSlug(item.name)
  if (isValidSlug(decoded)) return decoded
  return slugify(decoded) || slugify(item.title) || `${item.type}-${item.id}`
}

/** The item's tags: its categories and tags by display name, the default category dropped, one per tag URL. */
export function itemTags(item: WxrItem): string[] {
  const seen = new Set<string>()
  return item.terms
    .filter((t) => (t.domain === 'category' || t.domain === 'post_tag') && !(t.domain === 'category' && DEFAULT_CATEGORIES.has(decodeSlug(t.nicename))))
    .map((t) => t.name)
    .filter((name) => tagSlug(name) !== '' && !seen.has(tagSlug(name)) && seen.add(tagSlug(name)))
}

const plainText = (html: string) =>
  html.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&#8217;/g, '’').replace(/\s+/g, ' ').trim()

export interface ItemContext {
  channel: WxrChannel
  site: SiteConfig
  attachments: Map<number, AttachmentRef>
  media: MediaResolver
  /** Old permalink key → new path, for links between posts. */
  links: (url: string) => string | undefined
}

/** The file of a post or page: front matter mapped from the item, body converted. */
export function buildItemFile(item: WxrItem, kind: 'post' | 'page', slug: string, context: ItemContext): ImportedItem {
  const mapUrl = (url: string) => context.links(url) ?? context.media.map(url)
  const body = convertPostBody(item.content, { attachments: context.attachments, postId: item.id }, mapUrl)
  const draft = item.status === 'draft' || item.status === 'pending'
  const tags = kind === 'post' ? itemTags(item) : []
  const summary = plainText(item.excerpt) || undefined
  const lang = otherLanguage(context.channel, context.site)
  const title = item.title || slug
  const fields: Record<string, unknown> =
    kind === 'post'
      ? {
          title,
          date: frontMatterDate(item.date, item.dateGmt, context.site.timeZone) ?? undefined,
          tags: tags.length ? tags : undefined,
          summary,
          draft: draft || undefined,
          lang,
          comments: item.commentStatus === 'closed' ? false : undefined,
        }
      : { title, summary, lang, draft: draft || undefined, comments: pageTakesComments(item) || undefined, menu: item.parent === 0 && item.menuOrder > 0 ? item.menuOrder : undefined }
  return { item, kind, slug, draft, tags, text: markdownFile(fields, body.markdown), unknownShortcodes: body.unknownShortcodes }
}

/**
 * Whether an imported page takes comments (`comments: true`; pages take none unless asked): its
 * discussion was open in WordPress, or it has comments readers saw, which a page shows only
 * with its discussion on (WordPress pages are closed by default, so most import without).
 */
export function pageTakesComments(item: WxrItem): boolean {
  return item.commentStatus === 'open' || item.comments.some((c) => (c.type === '' || c.type === 'comment') && c.approved === '1')
}

export function isReservedPageSlug(slug: string): boolean {
  return RESERVED_PAGE_SLUGS.has(slug)
}
