import { parseDocument } from 'yaml'
import { mediaReferences } from '../content/media-refs'
import { countWords, deriveSummary, readingMinutes } from '../content/reading-time'
import { describeIssues, frontMatterSchema, siteSchema } from '../content/schema'
import { DEFAULT_SITE } from '../content/site-defaults'
import { isValidSlug, slugify, tagSlug } from '../content/slug'
import type { MediaSize, PostMeta, SiteConfig } from '../content/types'
import type { ContentFiles, SourceFile } from './content-files'

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
  const result = frontMatterSchema(site.timeZone).safeParse(withoutNulls(data ?? {}))
  const fileSlug = file.path.slice(file.path.lastIndexOf('/') + 1, -'.md'.length).normalize('NFC')
  if (!result.success) {
    errors.push(...describeIssues(file.path, 'post', result.error))
    return null
  }
  const fm = result.data
  if (!fm.slug && !isValidSlug(fileSlug)) {
    const suggestion = slugify(fileSlug)
    errors.push(`${file.path}: the file name is not a valid slug (${suggestion ? `rename it ${suggestion}.md or ` : ''}set slug: in the front matter)`)
    return null
  }
  if (fm.image?.startsWith('/media/') && !media.includes(fm.image)) {
    errors.push(`${file.path}: image: ${JSON.stringify(fm.image)} is not a file in content/media/ (add the file or fix the path)`)
    return null
  }
  const refs = mediaReferences(parts.body)
  for (const ref of refs.filter((ref) => !media.includes(ref)))
    warnings.push(`${file.path}: links to ${ref}, which is not a file in content/media/`)
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
    words,
    readingMinutes: readingMinutes(words),
  }
  const images = refs.filter((ref) => IMAGE_PATH.test(ref) && media.includes(ref))
  return { file: file.path, meta, markdown: parts.body, images }
}

/**
 * The YAML between the opening `---` line and the next `---` (or `...`) line, and the markdown
 * after it. Null when the file does not start with front matter.
 */
export function splitFrontMatter(text: string): { yaml: string; body: string } | null {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  if (lines[0]?.trimEnd() !== '---') return null
  const end = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line))
  if (end < 0) return null
  return { yaml: lines.slice(1, end).join('\n'), body: lines.slice(end + 1).join('\n').replace(/^\s*\n/, '') }
}

/**
 * The YAML as plain data (dates stay strings: yaml's default core schema has no timestamps),
 * or undefined after recording its errors. `firstLine` is the file line the YAML starts on.
 */
function parseYaml(file: string, yaml: string, firstLine: number, errors: string[]): unknown {
  const doc = parseDocument(yaml, { prettyErrors: true, uniqueKeys: true })
  if (doc.errors.length === 0) return doc.toJS()
  for (const error of doc.errors) {
    const line = (error.linePos?.[0].line ?? 1) + firstLine - 1
    const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
    errors.push(`${file}: invalid YAML at line ${line}: ${reason} (fix the syntax; quote values that contain ": " or start with a special character)`)
  }
  return undefined
}

/** `key:` with no value means the key is not set. */
function withoutNulls(data: unknown): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== null))
}

function uniqueTags(tags: string[]): string[] {
  const seen = new Set<string>()
  return tags.filter((tag) => !seen.has(tagSlug(tag)) && seen.add(tagSlug(tag)))
}
