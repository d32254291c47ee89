import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'

/** A file of `content/` as read from disk; `path` is how messages name it (`content/posts/a.md`). */
export interface SourceFile {
  path: string
  text: string
}

/** Everything in `content/` that publishing looks at. */
export interface ContentFiles {
  /** `site.yaml`, or null when the site runs on defaults. */
  site: SourceFile | null
  posts: SourceFile[]
  /** `pages/<slug>.md` files (optional, so content read before pages existed stays valid). */
  pages?: SourceFile[]
  /** URL paths of the files under `media/` (`/media/cover.png`), to check references against. */
  media: string[]
  /** Files in `posts/` or `pages/` that are not posts or pages (named so the author notices a `.markdown` typo). */
  ignored: string[]
  /** `theme.css`, the author's stylesheet, or null when there is none. */
  theme?: SourceFile | null
}

/**
 * Reads `contentDir` (`content/` of the project). `label` is the directory's name in messages,
 * relative to the project root.
 */
export async function readContentFiles(contentDir: string, label = 'content'): Promise<ContentFiles> {
  const site = await readOptional(path.join(contentDir, 'site.yaml'))
  const ignored: string[] = []
  const posts = await readMarkdownFolder(contentDir, 'posts', label, ignored)
  const pages = await readMarkdownFolder(contentDir, 'pages', label, ignored)
  const media = (await listFiles(path.join(contentDir, 'media'))).map((name) => `/media/${name}`)
  const theme = await readOptional(path.join(contentDir, 'theme.css'))
  return {
    site: site === null ? null : { path: `${label}/site.yaml`, text: site },
    posts,
    pages,
    media,
    ignored,
    theme: theme === null ? null : { path: `${label}/theme.css`, text: theme },
  }
}

/** The `.md` files directly in `contentDir/folder`, sorted; anything else there goes to `ignored`. */
async function readMarkdownFolder(contentDir: string, folder: string, label: string, ignored: string[]): Promise<SourceFile[]> {
  const files: SourceFile[] = []
  for (const name of (await listFiles(path.join(contentDir, folder))).sort()) {
    const shown = `${label}/${folder}/${name}`
    if (name.endsWith('.md') && !name.includes('/')) files.push({ path: shown, text: await readFile(path.join(contentDir, folder, name), 'utf8') })
    else if (!path.basename(name).startsWith('.')) ignored.push(shown)
  }
  return files
}

async function readOptional(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
}

/** Paths of the files under `dir`, relative to it with `/` separators; none when it is missing. */
async function listFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true })
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw err
  }
}
