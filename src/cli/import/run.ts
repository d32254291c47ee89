import { existsSync, readFileSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { SiteConfig } from '../../content/types'
import { readContentFiles, type ContentFiles } from '../content-files'
import { parseContent } from '../parse-content'
import { importKey } from './comments'
import { commentInsertStatements, redirectUpsertSql, resolveAgainstD1, type D1State } from './d1-rows'
import { executeStatements, migrateLocal, readD1State, type D1Target } from './d1-write'
import type { ImportPlan } from './import-types'
import { downloadUploads } from './media-download'
import { planImport } from './plan'
import { readWxrFile } from './wxr-read'
import type { WxrDocument } from './wxr-types'

export interface ImportOptions {
  file: string
  /** `content/` of the blog. */
  contentDir: string
  /** WordPress's `wp-content/uploads` folder (or `wp-content`, or the folder above it). */
  uploads?: string
  dryRun: boolean
  /** Fetch the uploads the folder lacks from the old blog (off with `--offline`). */
  download?: boolean
  target: D1Target
  progress: (line: string) => void
}

/** The import refused: every reason, and nothing was written. */
export class ImportRefused extends Error {
  constructor(readonly reasons: string[]) {
    super(`nothing was written:\n${reasons.map((r) => `  - ${r}`).join('\n')}`)
  }
}

/**
 * Imports a WordPress export: reads and checks everything first (the XML, every post against
 * publish's own rules, files it would overwrite, media that clash), asks D1 which comments are
 * already there, and only then writes the files, copies the media and runs the SQL. Throws
 * `WxrError` or `ImportRefused` before writing anything. A dry run stops after the plan.
 */
export async function importWordPress(options: ImportOptions): Promise<ImportPlan> {
  const doc = await readWxrFile(options.file, (n) => n % 500 === 0 && options.progress(`read ${n} items`))
  const content = await readContentFiles(options.contentDir)
  const site = siteOf(content)
  const uploads = options.uploads ? uploadsRoot(options.uploads) : undefined
  const fetched = await mkdtemp(path.join(os.tmpdir(), 'palabre-uploads-'))
  try {
    return await importWith(doc, content, site, uploads, fetched, options)
  } finally {
    await rm(fetched, { recursive: true, force: true })
  }
}

async function importWith(
  doc: WxrDocument,
  content: ContentFiles,
  site: SiteConfig,
  uploads: string | undefined,
  fetched: string,
  options: ImportOptions,
): Promise<ImportPlan> {
  const existing = (relative: string) => readOptional(path.join(options.contentDir, relative))
  const source = (relative: string) => [uploads, fetched].find((dir) => dir !== undefined && existsSync(path.join(dir, relative)))
  const hasUpload = (relative: string) => source(relative) !== undefined
  let plan = planImport({ doc, site, content, existing, hasUpload })
  if (options.download && plan.missingMedia.length) {
    options.progress(`fetching ${plan.missingMedia.length} uploads from the old blog`)
    const downloads = await downloadUploads(plan.missingMedia, fetched)
    if (downloads.saved.length) plan = planImport({ doc, site, content, existing, hasUpload })
    plan.warnings.push(...downloads.failed.map((f) => `could not fetch ${f.url} (${f.reason}): the original URL is kept`))
  }
  plan = checkMedia(plan, options.contentDir, source)
  if (plan.errors.length) throw new ImportRefused(plan.errors)
  options.progress(`planned ${plan.files.length} files and ${plan.comments.length} comments; reading the ${options.target.local ? 'local' : 'remote'} database`)
  const blogUrl = doc.channel.baseBlogUrl || doc.channel.link
  plan = resolveAgainstD1(plan, await currentState(plan, importKey(blogUrl, 0).replace(/0$/, ''), options))
  if (options.dryRun) return plan
  for (const file of plan.files.filter((f) => f.state === 'new')) {
    await mkdir(path.dirname(path.join(options.contentDir, file.path)), { recursive: true })
    await writeFile(path.join(options.contentDir, file.path), file.text)
  }
  for (const media of plan.media.filter((m) => m.state === 'new')) {
    const to = path.join(options.contentDir, 'media', media.to)
    await mkdir(path.dirname(to), { recursive: true })
    await copyFile(path.join(source(media.from)!, media.from), to)
  }
  options.progress(`wrote ${plan.files.filter((f) => f.state === 'new').length} files and ${plan.media.filter((m) => m.state === 'new').length} media`)
  const now = Date.now()
  const commentStatements = commentInsertStatements(plan.comments)
  const statements = [...commentStatements, ...plan.redirects.map((r) => redirectUpsertSql(r, now))]
  if (statements.length) {
    await migrateLocal(options.target)
    await executeStatements(statements, options.target, (done) =>
      options.progress(`database: ${Math.min(done, commentStatements.length)}/${commentStatements.length} comment statements, ${Math.max(0, done - commentStatements.length)}/${plan.redirects.length} redirects`),
    )
  }
  return plan
}

function siteOf(content: ContentFiles): SiteConfig {
  const parsed = parseContent({ ...content, posts: [] })
  if (!parsed.ok) throw new ImportRefused(parsed.errors)
  return parsed.content.site
}

/** The folder that holds `2016/03/…`: given as uploads itself, as wp-content, or as the WordPress root. */
function uploadsRoot(dir: string): string {
  for (const candidate of [path.join(dir, 'wp-content', 'uploads'), path.join(dir, 'uploads'), dir]) if (existsSync(candidate)) return candidate
  throw new ImportRefused([`--uploads ${dir}: no such folder`])
}

function readOptional(file: string): string | null {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return null
  }
}

/** Media already in content/media with the same bytes are kept; with other bytes, the import refuses. */
function checkMedia(plan: ImportPlan, contentDir: string, source: (relative: string) => string | undefined): ImportPlan {
  const errors = [...plan.errors]
  const media = plan.media.map((m) => {
    const there = path.join(contentDir, 'media', m.to)
    if (!existsSync(there)) return m
    if (readFileSync(there).equals(readFileSync(path.join(source(m.from)!, m.from)))) return { ...m, state: 'same' as const }
    errors.push(`content/media/${m.to} is already there with other bytes: importing would replace it; rename one of them first`)
    return m
  })
  return { ...plan, media, errors }
}

/** D1's current state; a local database that was never migrated holds nothing yet. */
async function currentState(plan: ImportPlan, keyPrefix: string, options: ImportOptions): Promise<D1State> {
  try {
    return await readD1State(plan.comments.map((c) => c.wpId), keyPrefix, options.target)
  } catch (err) {
    if (options.target.local && /no such table/i.test((err as Error).message)) return { comments: [], maxId: 0, redirects: [] }
    throw err
  }
}
