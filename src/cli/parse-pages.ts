import { deriveSummary } from '../content/reading-time'
import { describeIssues } from '../content/schema'
import { pageSchema } from '../content/schema-pages'
import type { PageMeta } from '../content/types'
import { RESERVED_SEGMENTS } from '../urls/site-pages'
import type { SourceFile } from './content-files'
import { readDocument } from './parse-document'

/** A valid page: its metadata (all but the hash, which the index builder computes) and body. */
export interface ParsedPage {
  file: string
  meta: Omit<PageMeta, 'hash'>
  markdown: string
  /** Root paths of the `content/media/` images its markdown shows. */
  images: string[]
}

/**
 * Every valid page of `content/pages/`, recording each problem of the others: front matter as
 * `pageSchema` reads it, media as for posts, and a slug (the file name) that a route uses
 * (`RESERVED_SEGMENTS`), that another page has, or that a post has: comments are keyed by slug,
 * so a page and a post may never share one (a page's discussion is keyed by its slug in D1's
 * `post_slug`, src/content/discussion-host.ts). `postSlugs` maps each post's slug to its file.
 */
export function parsePages(
  files: SourceFile[],
  postSlugs: Map<string, string>,
  media: string[],
  { errors, warnings }: { errors: string[]; warnings: string[] },
): ParsedPage[] {
  const pages: ParsedPage[] = []
  const owners = new Map<string, string>()
  for (const file of files) {
    const doc = readDocument(file, media, errors, 'title:')
    if (!doc) continue
    const result = pageSchema.safeParse(doc.fields)
    const problems = result.success ? doc.problems : [...describeIssues(file.path, 'page', result.error), ...doc.problems]
    const slug = doc.fileSlug
    const clash = RESERVED_SEGMENTS.has(slug)
      ? `is an address of the site itself (/${slug})`
      : owners.has(slug) ? `is already used by ${owners.get(slug)}`
        : postSlugs.has(slug) ? `is the slug of the post ${postSlugs.get(slug)} (comments are kept by slug, so pages and posts need different ones)`
          : undefined
    if (clash) problems.push(`${file.path}: slug: ${JSON.stringify(slug)} ${clash}: rename the file`)
    if (!result.success || problems.length) {
      errors.push(...problems)
      continue
    }
    owners.set(slug, file.path)
    const fm = result.data
    const meta: Omit<PageMeta, 'hash'> = {
      slug,
      title: fm.title,
      summary: fm.summary ?? deriveSummary(doc.body),
      draft: fm.draft,
      ...(fm.lang && { lang: fm.lang }),
      comments: fm.comments,
      ...(fm.menu !== undefined && { menu: fm.menu }),
    }
    pages.push({ file: file.path, meta, markdown: doc.body, images: doc.images })
  }
  return pages
}
