import { open, readFile } from 'node:fs/promises'
import path from 'node:path'
import { stringify } from 'yaml'
import { slugify } from '../content/slug'
import { calendarDate } from '../content/zoned-date'
import { parseContent } from './parse-content'

export interface NewPostOptions {
  /** The `content/` directory: its site.yaml gives the time zone, the post goes in its posts/. */
  contentDir: string
  title: string
  /** How messages name `contentDir` (`content`). */
  label?: string
  now?: Date
}

export type NewPostResult = { ok: true; path: string; slug: string } | { ok: false; errors: string[] }

/**
 * Writes `<contentDir>/posts/<slug>.md` for a new post: the slug made from `title` as
 * publishing makes slugs, front matter with the title, today's date in the site's time zone and
 * `draft: true`, so the file is valid and previewable at once and never published by accident.
 * Never overwrites a file: an existing one is an error, as are an invalid site.yaml (whose time
 * zone is needed) and a title with no letter or digit to make a slug of.
 */
export async function createPost({ contentDir, title, label = 'content', now = new Date() }: NewPostOptions): Promise<NewPostResult> {
  const trimmed = title.trim()
  const slug = slugify(trimmed)
  if (!slug) return { ok: false, errors: [`the title ${JSON.stringify(trimmed)} has no letter or digit to make the post's file name from`] }
  const site = parseContent({ site: await readSite(contentDir, label), posts: [], media: [], ignored: [] })
  if (!site.ok) return { ok: false, errors: site.errors }
  const frontMatter = stringify({ title: trimmed, date: calendarDate(now, site.content.site.timeZone), draft: true })
  const shown = `${label}/posts/${slug}.md`
  const file = path.join(contentDir, 'posts', `${slug}.md`)
  try {
    // 'wx' fails when the file exists, with no window between a check and the write.
    const handle = await open(file, 'wx')
    await handle.writeFile(`---\n${frontMatter}---\n\n`)
    await handle.close()
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return { ok: false, errors: [`${shown} already exists: edit it, or choose another title`] }
    if (code === 'ENOENT') return { ok: false, errors: [`${label}/posts/ does not exist: create it first`] }
    throw err
  }
  return { ok: true, path: shown, slug }
}

async function readSite(contentDir: string, label: string): Promise<{ path: string; text: string } | null> {
  try {
    return { path: `${label}/site.yaml`, text: await readFile(path.join(contentDir, 'site.yaml'), 'utf8') }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
}
