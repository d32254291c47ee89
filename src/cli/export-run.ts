import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { renderPublishedPost } from '../markdown/post'
import { loadContent, type Logger } from './publish-content'
import { readComments, readSubscriptions, readWordPressIds } from './export-d1'
import { buildExportJson } from './export-json'
import { buildExportData } from './export-model'
import { buildWxr } from './export-wxr'
import { PROJECT_ROOT } from './wrangler'

export type ExportFormat = 'json' | 'wxr'

export interface ExportOptions {
  /** The local D1 (`.wrangler/state`, `npm start`'s) instead of Cloudflare's. */
  local: boolean
  format: ExportFormat
  /** The file to write (relative to `cwd`), `-` for stdout, or undefined for `exports/palabre-<where>-<time>.<ext>`. */
  out?: string
  /** The project whose wrangler config, local state and `content/` are read; the project root by default. */
  cwd?: string
  now?: Date
}

export interface ExportReport {
  /** The file written, or null for stdout. */
  file: string | null
  bytes: number
  posts: number
  comments: number
  subscriptions: number
}

/** `exports/palabre-local-20261201T080000Z.xml`: sortable by time, git-ignored. */
export function exportFileName(now: Date, where: 'local' | 'remote', format: ExportFormat): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
  return `exports/palabre-${where}-${stamp}.${format === 'wxr' ? 'xml' : 'json'}`
}

/**
 * Reads `content/` (validated as a publish does: a bad file stops the export) and D1 (comments,
 * subscriptions, the WordPress ids the import kept), builds the chosen format and writes it
 * atomically: a temporary file beside the target, renamed over it once complete, so an
 * interrupted export never leaves half a file under the name.
 */
export async function runExport(options: ExportOptions, log: Logger): Promise<ExportReport> {
  const cwd = options.cwd ?? PROJECT_ROOT
  const now = options.now ?? new Date()
  const content = await loadContent(path.join(cwd, 'content'), log)
  if (!content) throw new Error('content/ has problems (listed above); fix them and export again')
  const target = { local: options.local, cwd }
  // One wrangler at a time: two on one .wrangler/state can fail with SQLITE_BUSY.
  const comments = await readComments(target)
  const subscriptions = await readSubscriptions(target)
  const wordpressIds = await readWordPressIds(target)
  const data = buildExportData({
    site: content.site,
    posts: content.posts,
    pages: content.pages,
    render: (post) => renderPublishedPost(content.site, post.meta, post.markdown, content.media),
    comments,
    subscriptions,
    wordpressIds,
    now,
  })
  const text = options.format === 'wxr' ? buildWxr(data) : buildExportJson(data)
  const counts = { posts: data.posts.length, comments: comments.length, subscriptions: subscriptions.length, bytes: Buffer.byteLength(text) }
  if (options.out === '-') {
    await new Promise<void>((resolve, reject) => process.stdout.write(text, (err) => (err ? reject(err) : resolve())))
    return { file: null, ...counts }
  }
  const file = path.resolve(cwd, options.out ?? exportFileName(now, options.local ? 'local' : 'remote', options.format))
  await writeAtomically(file, text)
  return { file, ...counts }
}

async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  const temporary = `${file}.${process.pid}.tmp`
  try {
    await writeFile(temporary, text, { mode: 0o600 })
    await rename(temporary, file)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}
