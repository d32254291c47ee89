import { countWords, deriveSummary, readingMinutes } from '../content/reading-time'
import { describeIssues, frontMatterSchema, siteSchema } from '../content/schema'
import { DEFAULT_SITE } from '../content/site-defaults'
import { tagSlug } from '../content/slug'
import type { MediaSize, PostMeta, SiteConfig } from '../content/types'
import type { ContentFiles, SourceFile } from './content-files'
import { parseYaml } from './front-matter'
import { checkTranslations } from './check-translations'
import { embedWarnings } from './embed-check'
import { lookProblems } from './look-files'
import { readDocument } from './parse-document'
import { parsePages, type ParsedPage } from './parse-pages'

/** A valid post: its metadata (all but the hash, which the index builder computes) and body. */
export interface ParsedPost {
  file: string
  meta: Omit<PostMeta, 'hash'>
  markdown: string
  /** Root paths of the `content/media/` images its markdown refers to (their sizes go in the index). */
  images: string[]
}

export interface ParsedContent {
  site: SiteConfig
  posts: ParsedPost[]
  /** The pages of `content/pages/` (none when the folder is missing). */
  pages?: ParsedPage[]
  /** The text of `content/theme.css`, when there is one. */
  theme?: string
  /** Sizes of the images posts and pages refer to, read from disk after parsing (`readMediaSizes`). */
  media?: Record<string, MediaSize>
}

export type ParseResult =
  | { ok: true; content: ParsedContent; warnings: string[] }
  | { ok: false; errors: string[]; warnings: string[] }

/**
 * Validates every file of `content/` and returns either the parsed content or every problem
 * found, each as `<file>: <field>: <what to fix>`. Pure: the files are given.
 */
export function parseContent(files: ContentFiles): ParseResult {
  const errors: string[] = []
  const warnings = files.ignored.map((file) => `${file}: ignored (posts and pages are .md files directly in posts/ and pages/)`)
  const site = files.site ? parseSite(files.site, errors) : DEFAULT_SITE
  if (site) errors.push(...lookProblems(site, files))
  const posts: ParsedPost[] = []
  const slugOwners = new Map<string, string>()
  for (const file of files.posts) {
    const post = parsePost(file, site ?? DEFAULT_SITE, files.media, errors, warnings)
    if (!post) continue
    const owner = slugOwners.get(post.meta.slug)
    if (owner) {
      errors.push(`${file.path}: slug: ${JSON.stringify(post.meta.slug)} is already used by ${owner} (slugs must be unique: rename a file or set slug:)`)
      continue
    }
    slugOwners.set(post.meta.slug, file.path)
    posts.push(post)
  }
  checkTranslations(posts, site ?? DEFAULT_SITE, errors)
  const pages = parsePages(files.pages ?? [], slugOwners, files.media, { errors, warnings })
  if (errors.length || !site) return { ok: false, errors, warnings }
  return { ok: true, content: { site, posts, pages, ...(files.theme && { theme: files.theme.text }) }, warnings }
}

function parseSite(file: SourceFile, errors: string[]): SiteConfig | null {
  const data = parseYaml(file.path, file.text, 1, errors)
  if (data === undefined) return null
  const result = siteSchema.safeParse(data ?? {})
  if (result.success) return result.data
  errors.push(...describeIssues(file.path, 'site', result.error))
  return null
}

/**
 * One post, or null after recording every problem of the file: front-matter fields, the file
 * name as a slug, and each local media file it refers to that does not exist. Only a file whose
 * front matter cannot be read at all (no `---`, invalid YAML) stops at the first problem.
 */
function parsePost(
  file: SourceFile,
  site: SiteConfig,
  media: string[],
  errors: string[],
  warnings: string[],
): ParsedPost | null {
  const doc = readDocument(file, media, errors, 'title: and date:')
  if (!doc) return null
  const result = frontMatterSchema(site.timeZone).safeParse(doc.fields)
  const problems = result.success ? doc.problems : [...describeIssues(file.path, 'post', result.error), ...doc.problems]
  if (!result.success || problems.length) {
    errors.push(...problems)
    return null
  }
  const fm = result.data
  if (fm.updated && fm.updated < fm.date) warnings.push(`${file.path}: updated: is earlier than date:`)
  warnings.push(...embedWarnings(file.path, doc.body, site.embeds))
  const words = countWords(doc.body, fm.lang ?? site.language)
  const meta: Omit<PostMeta, 'hash'> = {
    slug: fm.slug ?? doc.fileSlug,
    title: fm.title,
    date: fm.date,
    ...(fm.updated && { updated: fm.updated }),
    tags: uniqueTags(fm.tags),
    summary: fm.summary ?? deriveSummary(doc.body),
    draft: fm.draft,
    ...(fm.lang && { lang: fm.lang }),
    ...(fm.image && { image: fm.image }),
    comments: fm.comments,
    ...(fm.translations && Object.keys(fm.translations).length > 0 && { translations: fm.translations }),
    ...(fm.closeAfterDays !== undefined && { closeAfterDays: fm.closeAfterDays }),
    words,
    readingMinutes: readingMinutes(words),
  }
  return { file: file.path, meta, markdown: doc.body, images: doc.images }
}

function uniqueTags(tags: string[]): string[] {
  const seen = new Set<string>()
  return tags.filter((tag) => !seen.has(tagSlug(tag)) && seen.add(tagSlug(tag)))
}
