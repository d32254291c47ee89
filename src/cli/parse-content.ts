import { mediaPath, mediaReferences } from '../content/media-refs'
import { countWords, deriveSummary, readingMinutes } from '../content/reading-time'
import { describeIssues, frontMatterSchema, siteSchema } from '../content/schema'
import { DEFAULT_SITE } from '../content/site-defaults'
import { isValidSlug, slugify, tagSlug } from '../content/slug'
import type { MediaSize, PostMeta, SiteConfig } from '../content/types'
import type { ContentFiles, SourceFile } from './content-files'
import { isMapping, parseYaml, splitFrontMatter, withoutNulls } from './front-matter'

// What browsers show in an <img>; other media (PDFs, sounds) have no size to reserve.
const IMAGE_PATH = /\.(?:avif|gif|jpe?g|png|svg|webp)$/i

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
  /** Sizes of the images posts refer to, read from disk after parsing (`readMediaSizes`). */
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
  const warnings = files.ignored.map((file) => `${file}: ignored (posts are .md files directly in posts/)`)
  const site = files.site ? parseSite(files.site, errors) : DEFAULT_SITE
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
  if (errors.length || !site) return { ok: false, errors, warnings }
  return { ok: true, content: { site, posts }, warnings }
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
  const parts = splitFrontMatter(file.text)
  if (!parts) {
    errors.push(`${file.path}: no front matter (start the file with a line "---", then title: and date:, then "---")`)
    return null
  }
  const data = parseYaml(file.path, parts.yaml, 2, errors)
  if (data === undefined) return null
  const problems: string[] = []
  const fields = withoutNulls(data ?? {})
  const result = frontMatterSchema(site.timeZone).safeParse(fields)
  if (!result.success) problems.push(...describeIssues(file.path, 'post', result.error))
  // What the author wrote, read even when the schema failed, so its other problems show too.
  const given = (key: string): unknown => (isMapping(fields) ? fields[key] : undefined)
  const fileSlug = file.path.slice(file.path.lastIndexOf('/') + 1, -'.md'.length).normalize('NFC')
  if (given('slug') === undefined && !isValidSlug(fileSlug)) {
    const suggestion = slugify(fileSlug)
    problems.push(`${file.path}: the file name is not a valid slug (${suggestion ? `rename it ${suggestion}.md or ` : ''}set slug: in the front matter)`)
  }
  const image = given('image')
  if (typeof image === 'string' && !isPresent(mediaPath(image), media))
    problems.push(`${file.path}: image: ${JSON.stringify(image)} is not a file in content/media/ (add the file or fix the path)`)
  const refs = mediaReferences(parts.body)
  for (const ref of refs.filter((ref) => !media.includes(ref)))
    problems.push(`${file.path}: the text refers to ${ref}, which is not a file in content/media/ (add the file or fix the link)`)
  if (!result.success || problems.length) {
    errors.push(...problems)
    return null
  }
  const fm = result.data
  if (fm.updated && fm.updated < fm.date) warnings.push(`${file.path}: updated: is earlier than date:`)
  const words = countWords(parts.body, fm.lang ?? site.language)
  const meta: Omit<PostMeta, 'hash'> = {
    slug: fm.slug ?? fileSlug,
    title: fm.title,
    date: fm.date,
    ...(fm.updated && { updated: fm.updated }),
    tags: uniqueTags(fm.tags),
    summary: fm.summary ?? deriveSummary(parts.body),
    draft: fm.draft,
    ...(fm.lang && { lang: fm.lang }),
    ...(fm.image && { image: fm.image }),
    comments: fm.comments,
    ...(fm.closeAfterDays !== undefined && { closeAfterDays: fm.closeAfterDays }),
    words,
    readingMinutes: readingMinutes(words),
  }
  const images = refs.filter((ref) => IMAGE_PATH.test(ref))
  return { file: file.path, meta, markdown: parts.body, images }
}

/** Whether a media path (undefined for any other URL, which is not checked) names a file that exists. */
function isPresent(path: string | undefined, media: string[]): boolean {
  return path === undefined || media.includes(path)
}

function uniqueTags(tags: string[]): string[] {
  const seen = new Set<string>()
  return tags.filter((tag) => !seen.has(tagSlug(tag)) && seen.add(tagSlug(tag)))
}
