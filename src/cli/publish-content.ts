import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { INDEX_KEY, POST_COPY_PREFIX } from '../content/keys'
import { mediaPath } from '../content/media-refs'
import type { ContentIndex } from '../content/types'
import { buildIndex } from './build-index'
import { readContentFiles } from './content-files'
import { readDevVar } from './dev-vars'
import { readMediaSizes } from './media-sizes'
import { parseContent, type ParsedContent } from './parse-content'
import { planPublish, type PublishPlan } from './plan'
import { requestPurge } from './purge'
import { describeSearch, planSearch, searchPurgeTags, writeSearch } from './search-index'
import type { SearchPlan } from './search-plan'
import { kvBulkDelete, kvBulkPut, kvGetIndex, PROJECT_ROOT, type KvTarget } from './wrangler'

export interface PublishOptions {
  /** Local KV (`.wrangler/state`, drafts included) instead of Cloudflare's (drafts never sent). */
  local: boolean
  /** Origin of the Worker that purges; defaults to the site's baseUrl, or localhost:$PORT locally. */
  url?: string
  /** Whether to purge changed pages (false when no Worker runs yet and its cache was cleared). */
  purge: boolean
  /** Validate and compare with KV, print the plan, write nothing. */
  dryRun: boolean
  /** Validate only: no KV, no network. */
  checkOnly: boolean
  /** Seconds KV takes to reach every location: remote publishes purge again after it. */
  propagationSeconds: number
  contentDir: string
  log: Logger
  signal?: AbortSignal
}

export interface Logger {
  info(line: string): void
  warn(line: string): void
  error(line: string): void
}

export type PublishOutcome = 'invalid' | 'valid' | 'unchanged' | 'planned' | 'published'

export const DEFAULT_PUBLISH: Omit<PublishOptions, 'local'> = {
  purge: true,
  dryRun: false,
  checkOnly: false,
  propagationSeconds: 60,
  contentDir: path.join(PROJECT_ROOT, 'content'),
  log: { info: console.log, warn: (line) => console.warn(`warning: ${line}`), error: console.error },
}

/** How a publish ended; `index` is what KV holds afterwards, when known. */
export interface PublishResult {
  outcome: PublishOutcome
  index?: ContentIndex
}

/**
 * Publishes `content/` to KV: validates every file first (nothing is written when any is bad),
 * writes new and changed bodies, then the index, then deletes bodies no longer used, and purges
 * the pages that changed. `current` is what KV holds when the caller knows it (the watcher of
 * `npm start` wrote it last), which saves reading it. Wrangler failures reject; purge failures
 * are warnings.
 */
export async function publishContent(options: PublishOptions, current?: ContentIndex | null): Promise<PublishResult> {
  const { log, local } = options
  const content = await loadContent(options.contentDir, log)
  if (!content) return { outcome: 'invalid' }
  const built = buildIndex(content, { drafts: local })
  const drafts = content.posts.filter((post) => post.meta.draft).length
  if (options.checkOnly) {
    log.info(`Content is valid: ${content.posts.length} post(s), ${drafts} of them draft(s); ${content.pages?.length ?? 0} page(s).`)
    return { outcome: 'valid' }
  }
  if (!local && /^https?:\/\/(localhost|127\.0\.0\.1)[:/]/.test(`${content.site.baseUrl}/`))
    log.warn(`baseUrl in site.yaml is ${content.site.baseUrl}: set it to the public URL of the site (feeds, links and purges use it).`)
  const target: KvTarget = { local, signal: options.signal }
  const where = local ? 'local KV' : 'Cloudflare KV'
  const plan = planPublish(current === undefined ? await kvGetIndex(target) : current, built)
  // The search index is compared with D1 even when KV holds this content: it may be behind.
  const search = await planSearch(built, target)
  if (plan.unchanged && search?.unchanged !== false) {
    log.info(`Nothing changed: ${where} already holds this content (version ${built.index.version}).`)
    if (!search) log.warn(describeSearch(search))
    return { outcome: 'unchanged', index: plan.index }
  }
  log.info(describePlan(plan, where, !local && drafts ? drafts : 0))
  log.info(describeSearch(search))
  if (options.dryRun) {
    log.info(`Dry run: nothing written. Would purge: ${[...plan.purgeTags, ...searchPurgeTags(search)].join(' ') || 'nothing'}`)
    return { outcome: 'planned' }
  }
  await writePlan(plan, options, target, search)
  return { outcome: 'published', index: plan.index }
}

/**
 * Validates `contentDir` and reads the sizes of the images its posts show, logging every
 * warning and error; null when any file is bad.
 */
export async function loadContent(contentDir: string, log: Logger): Promise<ParsedContent | null> {
  const label = path.relative(PROJECT_ROOT, contentDir) || '.'
  const parsed = parseContent(await readContentFiles(contentDir, label))
  for (const warning of parsed.warnings) log.warn(warning)
  if (parsed.ok) {
    const logo = parsed.content.site.logo && mediaPath(parsed.content.site.logo.src)
    const images = [...[...parsed.content.posts, ...(parsed.content.pages ?? [])].flatMap((doc) => doc.images), ...(logo ? [logo] : [])]
    const { sizes, warnings } = await readMediaSizes(contentDir, images, label)
    for (const warning of warnings) log.warn(warning)
    return { ...parsed.content, media: sizes }
  }
  for (const error of parsed.errors) log.error(error)
  log.error(`${parsed.errors.length} problem(s) in ${label}/: nothing was published.`)
  return null
}

async function writePlan(plan: PublishPlan, options: PublishOptions, target: KvTarget, search: SearchPlan | null): Promise<void> {
  const { log } = options
  const index = { key: INDEX_KEY, value: JSON.stringify(plan.index) }
  const purge = options.purge ? await purger(options, plan.index.site.baseUrl) : null
  const copies = plan.puts.filter((put) => put.key.startsWith(POST_COPY_PREFIX)).length
  const written = `Wrote ${plan.puts.length - copies} post and page bodies, ${copies} post copies and the index (version ${plan.index.version})`
  // The search index after KV's: a result never links to a post KV does not hold yet.
  const purgeTags = [...plan.purgeTags, ...searchPurgeTags(search)]
  if (target.local) {
    // Local bulk puts are stored one after the other, in order: one call keeps the index last.
    if (!plan.unchanged) await kvBulkPut([...plan.puts, index], target)
    if (!plan.unchanged) log.info(`${written} to local KV.`)
    await writeSearch(search, target)
    await purge?.(purgeTags)
    await kvBulkDelete(plan.deletes, target)
    return
  }
  await kvBulkPut(plan.puts, target)
  // Cloudflare's bulk writes have no order: the index goes in its own, later call, so it
  // never names a body that is not stored yet.
  if (!plan.unchanged) await kvBulkPut([index], target)
  if (!plan.unchanged) log.info(`${written} to Cloudflare KV.`)
  await writeSearch(search, target)
  await purge?.(purgeTags)
  if (!plan.deletes.length && !purge) return
  // Until KV has propagated, a location may still serve the old index: keep its bodies until
  // then, and purge again so no location keeps a page built from the old index.
  log.info(`Waiting ${options.propagationSeconds} s for KV to propagate, then deleting old bodies and purging again...`)
  await sleep(options.propagationSeconds * 1000, undefined, { signal: options.signal })
  await kvBulkDelete(plan.deletes, target)
  if (plan.deletes.length) log.info(`Deleted ${plan.deletes.length} old post bodies.`)
  await purge?.(purgeTags)
}

function describePlan(plan: PublishPlan, where: string, draftsKept: number): string {
  const list = (slugs: string[]) => (slugs.length ? ` (${slugs.join(', ')})` : '')
  return [
    `Publishing to ${where}: ${plan.added.length} new${list(plan.added)}, ${plan.changed.length} changed${list(plan.changed)}, ${plan.removed.length} removed${list(plan.removed)}${plan.siteChanged ? ', site config changed' : ''}.`,
    ...(plan.pages.added.length + plan.pages.changed.length + plan.pages.removed.length
      ? [`Pages: ${plan.pages.added.length} new${list(plan.pages.added)}, ${plan.pages.changed.length} changed${list(plan.pages.changed)}, ${plan.pages.removed.length} removed${list(plan.pages.removed)}.`]
      : []),
    ...(draftsKept ? [`${draftsKept} draft(s) not published (drafts only go to local KV).`] : []),
  ].join('\n')
}

/** A function that purges tags through the Worker, or null (with a warning) when there is no token. */
async function purger(options: PublishOptions, baseUrl: string): Promise<((tags: string[]) => Promise<void>) | null> {
  const url = (options.url ?? (options.local ? `http://localhost:${process.env.PORT || 8787}` : baseUrl)).replace(/\/+$/, '')
  const token = process.env.ADMIN_TOKEN || (options.local ? await readDevVar(PROJECT_ROOT, 'ADMIN_TOKEN') : undefined)
  if (!token) {
    options.log.warn(`no ADMIN_TOKEN (set it in the environment${options.local ? ' or .dev.vars' : ''}): cached pages were not purged and update when they expire.`)
    return null
  }
  return async (tags) => {
    if (!tags.length) return
    const problem = await requestPurge(url, token, tags)
    if (!problem) options.log.info(`Purged ${tags.length} cache tag(s) through ${url}.`)
    else if (options.local) options.log.warn(`no purge (${problem}); fine when npm start is not running: it clears its cache when it starts.`)
    else options.log.warn(`purge failed, cached pages update when they expire: ${problem}`)
  }
}
