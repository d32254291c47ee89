import { mediaPath, mediaReferences } from '../content/media-refs'
import { isValidSlug, slugify } from '../content/slug'
import type { SourceFile } from './content-files'
import { isMapping, parseYaml, splitFrontMatter, withoutNulls } from './front-matter'

// What browsers show in an <img>; other media (PDFs, sounds) have no size to reserve.
const IMAGE_PATH = /\.(?:avif|gif|jpe?g|png|svg|webp)$/i

/** A markdown file of `content/` (a post or a page) as read before its schema is applied. */
export interface MarkdownDocument {
  /** The front matter without its `key:`-with-no-value entries. */
  fields: unknown
  /** What the author wrote for `key`, read even when the schema fails, so other problems show too. */
  given(key: string): unknown
  /** The file name without `.md`, NFC. */
  fileSlug: string
  body: string
  /** Root paths of the `content/media/` images the body shows (their sizes go in the index). */
  images: string[]
  /** Problems found beside the schema's: the file name as a slug, missing media. */
  problems: string[]
}

/**
 * Reads a post's or a page's front matter and body and checks what does not depend on its
 * schema: the file name as a slug (unless `slug:` is given), and each local media file it
 * refers to (front-matter `image` or the text). Null after recording the problem when the front
 * matter cannot be read at all (no `---`, invalid YAML).
 */
export function readDocument(file: SourceFile, media: string[], errors: string[], hint: string): MarkdownDocument | null {
  const parts = splitFrontMatter(file.text)
  if (!parts) {
    errors.push(`${file.path}: no front matter (start the file with a line "---", then ${hint}, then "---")`)
    return null
  }
  const data = parseYaml(file.path, parts.yaml, 2, errors)
  if (data === undefined) return null
  const problems: string[] = []
  const fields = withoutNulls(data ?? {})
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
  return { fields, given, fileSlug, body: parts.body, images: refs.filter((ref) => IMAGE_PATH.test(ref)), problems }
}

/** Whether a media path (undefined for any other URL, which is not checked) names a file that exists. */
function isPresent(path: string | undefined, media: string[]): boolean {
  return path === undefined || media.includes(path)
}
