import type { SiteConfig } from '../../content/types'
import { legacyPathKey } from '../../redirects/legacy-path'
import type { ContentFiles } from '../content-files'
import { splitFrontMatter, parseYaml } from '../front-matter'
import { parseContent } from '../parse-content'
import { planComments, type CommentTally } from './comments'
import type { ImportPlan, PlannedComment, PlannedFile } from './import-types'
import { buildItemFile, isReservedPageSlug, itemSlug, pageTakesComments, type ImportedItem } from './items'
import { mediaResolver } from './media'
import { planRedirects, redirectList } from './redirects'
import type { AttachmentRef } from './shortcodes'
import { resolveOld } from './urls'
import type { WxrDocument, WxrItem } from './wxr-types'

export interface PlanInput {
  doc: WxrDocument
  site: SiteConfig
  /** `content/` as it is now (posts, media), to validate the new posts against and compare with. */
  content: ContentFiles
  /** Text of the files already at the paths the import writes (`posts/<slug>.md`, `pages/<slug>.md`). */
  existing: (relative: string) => string | null
  /** Whether the uploads folder has this file (path relative to `wp-content/uploads`). */
  hasUpload: (relative: string) => boolean
}

/**
 * What importing `doc` would do to `content/` and the database, before D1 is asked which comment
 * ids are taken (`resolveComments`). Pure: every file system answer is given. `errors` lists
 * what makes the import refuse to write anything.
 */
export function planImport(input: PlanInput): ImportPlan {
  const { doc, site } = input
  const blogUrl = doc.channel.baseBlogUrl || doc.channel.link
  const warnings: string[] = []
  const errors: string[] = []
  const skipped = { pingbacks: 0, private: 0, trashed: 0, other: 0 }
  const attachmentItems = doc.items.filter((i) => i.type === 'attachment')
  const attachments = new Map<number, AttachmentRef>(
    attachmentItems.map((a) => [a.id, { url: a.attachmentUrl, alt: a.meta._wp_attachment_image_alt ?? a.title, caption: a.excerpt, parent: a.parent }]),
  )
  const chosen = chooseItems(doc.items, skipped, warnings)
  // Slugs first, so links between posts can be rewritten to the new addresses.
  const stubs = chosen.map(({ item, kind, slug }) => ({ item, kind, slug, draft: isDraft(item), tags: [], text: '', unknownShortcodes: [] }) as ImportedItem)
  const links = planRedirects(stubs, [], blogUrl, [])
  const media = mediaResolver(blogUrl, input.hasUpload)
  const context = { channel: doc.channel, site, attachments, media, links: (url: string) => linkTarget(url, blogUrl, links) }
  const imported = chosen.map(({ item, kind, slug }) => buildItemFile(item, kind, slug, context))
  const redirects = planRedirects(imported, attachmentItems, blogUrl, warnings)
  const files = imported.map((i) => plannedFile(i, input.existing, errors, warnings))
  validatePosts(files, input.content, [...media.found.values()], errors)
  const unknownShortcodes = new Map<string, string[]>()
  for (const i of imported) for (const name of i.unknownShortcodes) unknownShortcodes.set(name, [...(unknownShortcodes.get(name) ?? []), i.slug])
  for (const [name, slugs] of unknownShortcodes) warnings.push(`shortcode [${name}] is not known: kept as text in ${slugs.join(', ')}`)
  const tally: CommentTally = { pingbacks: 0, other: 0, droppedUrls: 0, warnings }
  const comments: PlannedComment[] = []
  for (const i of imported) {
    // A page keeps its comments only where its discussion is on (`pageTakesComments`): a page's
    // thread, unlike a post's, is not shown once closed.
    if (i.kind === 'page' && !pageTakesComments(i.item)) continue
    if (i.kind === 'page' && i.item.commentStatus !== 'open') {
      warnings.push(`page "${i.item.title}" had its comments closed in WordPress: imported with comments: true, since a page shows its thread only with its form; set comments: false to hide both`)
    }
    comments.push(...planComments(i.item, i.slug, { blogUrl, authors: doc.channel.authors, timeZone: site.timeZone }, tally))
  }
  Object.assign(skipped, { pingbacks: tally.pingbacks, other: skipped.other + tally.other })
  return {
    files, media: [...media.found.values()].map((rel) => ({ from: rel, to: rel, state: 'new' as const })),
    missingMedia: [...media.missing], comments, commentsAlready: 0, takenIds: [], redirects: redirectList(redirects),
    skipped, droppedUrls: tally.droppedUrls, unknownShortcodes, warnings, errors,
  }
}

const isDraft = (item: WxrItem) => item.status === 'draft' || item.status === 'pending'

/** Posts and pages to import with their slugs: private and trashed ones skipped, slug clashes settled. */
function chooseItems(items: WxrItem[], skipped: ImportPlan['skipped'], warnings: string[]) {
  const taken = new Set<string>()
  const chosen: { item: WxrItem; kind: 'post' | 'page'; slug: string }[] = []
  for (const item of items) {
    if (item.type !== 'post' && item.type !== 'page') continue
    if (item.status === 'private') {
      skipped.private++
      warnings.push(`"${item.title}" (${item.type} ${item.id}) is private: not imported`)
      continue
    }
    if (item.status === 'trash') {
      skipped.trashed++
      continue
    }
    if (!['publish', 'future', 'draft', 'pending'].includes(item.status)) {
      skipped.other++
      warnings.push(`"${item.title}" (${item.type} ${item.id}) has status ${JSON.stringify(item.status)}: not imported`)
      continue
    }
    const kind = item.type
    let slug = itemSlug(item)
    if (kind === 'page' && isReservedPageSlug(slug)) slug = `${slug}-${item.id}`
    // One namespace for posts and pages: a page's discussion is keyed by its slug, as a post's is.
    if (taken.has(slug)) {
      warnings.push(`"${item.title}" (${kind} ${item.id}): the slug ${slug} is used by another post or page; imported as ${slug}-${item.id}`)
      slug = `${slug}-${item.id}`
    }
    taken.add(slug)
    chosen.push({ item, kind, slug })
  }
  return chosen
}

function linkTarget(url: string, blogUrl: string, links: Map<string, string>): string | undefined {
  const resolved = resolveOld(url, blogUrl)
  if (!resolved || resolved.origin !== new URL(blogUrl).origin) return undefined
  const key = legacyPathKey(resolved.pathname, resolved.search)
  const to = key === null ? undefined : links.get(key)
  return to === undefined ? undefined : `${to}${resolved.hash}`
}

/** The file of an item, compared with what is at its path: a file of another post is refused. */
function plannedFile(i: ImportedItem, existing: PlanInput['existing'], errors: string[], warnings: string[]): PlannedFile {
  const path = `${i.kind}s/${i.slug}.md`
  const current = existing(path)
  const base = { kind: i.kind, wpId: i.item.id, slug: i.slug, title: i.item.title, path, text: i.text }
  if (current === null) return { ...base, state: 'new' }
  if (current === i.text) return { ...base, state: 'same' }
  const parts = splitFrontMatter(current)
  const data = parts ? parseYaml(path, parts.yaml, 2, []) : undefined
  const title = data && typeof data === 'object' ? (data as Record<string, unknown>).title : undefined
  if (title === (i.item.title || i.slug)) {
    warnings.push(`content/${path} is already there with other text: kept as it is (the WordPress version is not written over your edits)`)
    return { ...base, state: 'kept' }
  }
  errors.push(`content/${path} is another ${i.kind} (${JSON.stringify(title ?? 'no title')}): importing "${i.item.title}" (WordPress ${i.kind} ${i.item.id}) would overwrite it; rename or move that file first`)
  return { ...base, state: 'kept' }
}

/** Every new post checked by publish's own rules, against content/ with the new media in it. */
function validatePosts(files: PlannedFile[], content: ContentFiles, media: string[], errors: string[]): void {
  const fresh = files.filter((f) => f.kind === 'post' && f.state === 'new')
  if (!fresh.length) return
  const ours = new Set(fresh.map((f) => `content/${f.path}`))
  const result = parseContent({
    ...content,
    posts: [...content.posts.filter((p) => !ours.has(p.path)), ...fresh.map((f) => ({ path: `content/${f.path}`, text: f.text }))],
    media: [...content.media, ...media.map((rel) => `/media/${rel}`)],
  })
  if (!result.ok) errors.push(...result.errors.filter((e) => [...ours].some((file) => e.startsWith(`${file}:`))))
}
