// `npm run bench`: the built Worker in miniflare (not behind `wrangler dev`'s proxy) against two
// baseline Workers serving the same bytes, then the render code timed in Node.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { baselineWorkerOptions, storageFloorOptions, type PageCopy } from './baseline-workers'
import { type LoadOptions, measureInTurns } from './load'
import { type MiniflareInstance, startMiniflare } from './miniflare'
import { benchPostKey, buildWorker, migrate, realWorkerOptions, type Seeded, seedRealWorker } from './real-worker'
import { RENDER_CASES, timeRender } from './render'
import { type BenchReport, formatRenderTable, formatReport, formatStormTable } from './report'
import { BENCH_POST, BENCH_POST_500 } from './sample-post'
import { postCopyKey } from '../../src/content/keys'
import { simulateStorms, STORM, type StormResult } from './storm'
import { benchSearch } from './search'

const LOAD: LoadOptions = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 16),
  warmupSeconds: Number(process.env.BENCH_WARMUP ?? 1),
  seconds: Number(process.env.BENCH_SECONDS ?? 5),
  rounds: Number(process.env.BENCH_ROUNDS ?? 5),
}
// All four Workers run behind the assets router, as deployed and under `wrangler dev`. In
// miniflare that router is a JS hop costing more than a trivial Worker, added alike to all four,
// which narrows the ratios; BENCH_ASSETS=0 drops it (the Worker does not use env.ASSETS today).
const WITH_ASSETS = process.env.BENCH_ASSETS !== '0'
const PAGE_PATH = `/posts/${BENCH_POST.slug}`
const PAGE_500_PATH = `/posts/${BENCH_POST_500.slug}`
const [TRIVIAL, CACHE_ONLY, CACHED] = ['trivial Worker, same bytes', 'Cache API only Worker', 'real Worker, cached page']
const [UNCACHED, FLOOR] = ['real Worker, uncached, 95 comments', 'storage floor, 95 comments']
const [UNCACHED_500, FLOOR_500] = ['real Worker, uncached, 500 comments', 'storage floor, 500 comments']
const PAGE_READS = 'the page’s own reads, 95 comments'
// Headers of one response or one hop, not of the page a baseline Worker copies.
const HOP_HEADERS = new Set(['date', 'age', 'content-length', 'content-encoding', 'transfer-encoding',
  'connection', 'keep-alive', 'x-cache', 'cf-cache-status'])

interface Target {
  name: string
  url: URL
  status: number
  /** The cache path each probe reported (X-Cache, else cf-cache-status), e.g. `MISS→HIT`. */
  cachePath: string
  page: PageCopy
}

/** Requests the page three times, before any load, to see what it is and how it is served. */
async function probe(name: string, url: URL): Promise<Target> {
  const paths: string[] = []
  let response: Response | undefined
  let body = new Uint8Array()
  for (let i = 0; i < 3; i++) {
    response = await fetch(url, { headers: { 'accept-encoding': 'identity' } })
    body = new Uint8Array(await response.arrayBuffer())
    paths.push(response.headers.get('x-cache') ?? response.headers.get('cf-cache-status') ?? 'none')
    await new Promise((resolve) => setTimeout(resolve, 50)) // lets a waitUntil cache put land
  }
  const headers = Object.fromEntries([...response!.headers].filter(([header]) => !HOP_HEADERS.has(header)))
  const cachePath = [...new Set(paths)].join('→')
  return { name, url, status: response!.status, cachePath, page: { headers, body } }
}

// BENCH_ONLY=served: the load tests without the render timings; =uncached: only the uncached
// pages and their storage floors; =cached: only the cached page and its two baselines.
const ONLY = process.env.BENCH_ONLY

// BENCH_ONLY=render: the render timings alone, without building or loading any Worker;
// BENCH_ONLY=views: only the Worker's work per uncached view (a few seconds).
if (ONLY === 'render' || ONLY === 'views') {
  const cases = ONLY === 'views' ? RENDER_CASES.filter((c) => c.perView) : RENDER_CASES
  console.log(formatRenderTable(cases.map((rendering) => timeRender(rendering))))
  process.exit(0)
}

const work = mkdtempSync(path.join(os.tmpdir(), 'palabre-bench-'))

/** The comment storm on a migrated D1 of its own (test/bench/storm.ts). */
async function storm(): Promise<{ options: typeof STORM; results: StormResult[] }> {
  const { mf } = await startMiniflare({
    modules: true,
    script: 'export default { fetch() { return new Response(null) } }',
    d1Databases: ['DB'],
    resourcePersistencePath: path.join(work, 'storm'),
  })
  try {
    const db = await mf.getD1Database('DB')
    await migrate(db)
    return { options: STORM, results: await simulateStorms(db) }
  } finally {
    await mf.dispose()
  }
}

// BENCH_ONLY=storm: the comment storm alone; =search: the search latency (and nothing of the load tests).
if (ONLY === 'storm') {
  try {
    const { options, results } = await storm()
    console.log(formatStormTable(options, results))
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  process.exit(0)
}

const running: MiniflareInstance[] = []
async function start(options: Record<string, unknown>, persistAs: string, page = PAGE_PATH) {
  const resourcePersistencePath = path.join(work, persistAs)
  const { mf, url } = await startMiniflare({ ...options, resourcePersistencePath })
  running.push(mf)
  return { mf, url: new URL(page, url) }
}

/** Copies the stored discussion pages of `slug` (src/comments/discussion-pages.ts) between two identically seeded D1s. */
async function copyStoredDiscussion(from: D1Database, to: D1Database, slug: string): Promise<void> {
  const { results } = await from.prepare('SELECT * FROM discussion_pages WHERE post_slug = ?1').bind(slug).all<Record<string, unknown>>()
  if (!results.length) throw new Error(`the real Worker stored no discussion page of ${slug}`)
  for (const row of results) {
    const columns = Object.keys(row)
    await to.prepare(`INSERT INTO discussion_pages (${columns.join(', ')}) VALUES (${columns.map((_, i) => `?${i + 1}`).join(', ')})`)
      .bind(...columns.map((column) => row[column])).run()
  }
}

const wants = (group: 'cached' | 'uncached') => ONLY === undefined || ONLY === 'served' || ONLY === group

try {
  const loadBefore = os.loadavg()[0]!
  // Render timings first, in a quiet process: after the load test, workerd's exit and the
  // garbage of 20,000 responses skew them by a millisecond.
  const render = ONLY === undefined ? RENDER_CASES.map((rendering) => timeRender(rendering)) : []
  const outdir = path.join(work, 'dist')
  const bundle = buildWorker(outdir)

  // What the baselines share with the real Worker: compatibility settings and the assets router.
  const { assets, compatibilityDate, compatibilityFlags, ...built } = realWorkerOptions(outdir)
  const platform = { compatibilityDate, compatibilityFlags, ...(WITH_ASSETS && { assets }) }
  // Search latency first, while no other Worker is under load (test/bench/search.ts).
  const searchReport = ONLY === undefined || ONLY === 'search' ? await benchSearch(await start({ ...built, ...platform, cacheAPI: false }, 'search')) : ''
  const targets: Target[] = []
  let seeded: Seeded | undefined
  if (wants('cached')) {
    // cacheAPI: false makes caches.default inert: every request takes the uncached path.
    const real = await start({ ...built, ...platform, cacheAPI: true }, 'cached')
    seeded = await seedRealWorker(real.mf)
    const cached = await probe(CACHED, real.url)
    const trivialWorker = await start(baselineWorkerOptions('trivial', cached.page, platform), 'trivial')
    const cacheWorker = await start(baselineWorkerOptions('cache-only', cached.page, platform), 'cache-only')
    targets.push(await probe(TRIVIAL, trivialWorker.url), await probe(CACHE_ONLY, cacheWorker.url), cached)
  }
  if (wants('uncached')) {
    const inert = await start({ ...built, ...platform, cacheAPI: false }, 'uncached')
    seeded = await seedRealWorker(inert.mf)
    const floor = async (slug: string, name: string) => {
      const worker = await start(storageFloorOptions(slug, benchPostKey(slug), platform), `floor-${slug}`)
      await seedRealWorker(worker.mf)
      return probe(name, worker.url)
    }
    const pageReads = async () => {
      const worker = await start(storageFloorOptions(BENCH_POST.slug, postCopyKey(BENCH_POST.slug)!, platform, 'page-reads'), 'page-reads')
      await seedRealWorker(worker.mf)
      // The discussion page the real Worker stored at its first view (its probe), read as it reads it.
      await copyStoredDiscussion(await inert.mf.getD1Database('DB'), await worker.mf.getD1Database('DB'), BENCH_POST.slug)
      return probe(PAGE_READS, worker.url)
    }
    targets.push(
      await probe(UNCACHED, inert.url),
      await floor(BENCH_POST.slug, FLOOR),
      await pageReads(),
      await probe(UNCACHED_500, new URL(PAGE_500_PATH, inert.url)),
      await floor(BENCH_POST_500.slug, FLOOR_500),
    )
  }
  for (const t of targets) {
    process.stderr.write(`${t.name}: ${t.status} ${t.cachePath}, ${t.page.body.length} bytes\n`)
  }
  const loads = await measureInTurns(targets.map((t) => t.url.href), LOAD, (round) =>
    process.stderr.write(`round ${round + 1}/${LOAD.rounds}\n`),
  )
  await Promise.all(running.splice(0).map((mf) => mf.dispose()))
  const rps = new Map(targets.map((t, i) => [t.name, loads[i]!]))
  const ratio = (a: string, b: string, target?: string) => {
    const [x, y] = [rps.get(a), rps.get(b)]
    return x && y ? [{ value: x.requestsPerSecond / y.requestsPerSecond, counted: x.completedPerSecond / y.completedPerSecond, target }] : []
  }
  const ratios = Object.fromEntries(
    [
      ['cached page ÷ Cache API only Worker', ratio(CACHED, CACHE_ONLY, '≥ 0.95')],
      ['uncached page, 95 comments ÷ storage floor', ratio(UNCACHED, FLOOR, '≥ 0.7')],
      ['uncached page, 500 comments ÷ storage floor', ratio(UNCACHED_500, FLOOR_500, '≥ 0.6')],
      ['uncached page, 95 comments ÷ the page’s own reads (its code over its reads)', ratio(UNCACHED, PAGE_READS)],
      ['the page’s own reads ÷ storage floor, 95 comments', ratio(PAGE_READS, FLOOR)],
      ['uncached page ÷ cached page', ratio(UNCACHED, CACHED)],
      ['Cache API only ÷ trivial Worker', ratio(CACHE_ONLY, TRIVIAL)],
    ].flatMap(([name, r]) => (r as unknown[]).map((value) => [name, value])),
  )

  const report: BenchReport = {
    date: new Date().toISOString(),
    node: process.version,
    loadAverage: { before: loadBefore, after: os.loadavg()[0]!, cores: os.availableParallelism() },
    load: { ...LOAD, assetsRouter: WITH_ASSETS },
    bundle,
    served: targets.map(({ name, status, cachePath, page }, i) => ({
      name,
      status,
      cachePath,
      bytes: page.body.length,
      load: loads[i]!,
    })),
    ratios,
    render,
    ...(ONLY === undefined && { storm: await storm().catch((error) => void console.error('the storm failed', error)) }),
    post: { path: PAGE_PATH, ...seeded! },
  }
  const jsonPath = path.join(os.tmpdir(), `palabre-bench-${Date.now()}.json`)
  writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`)
  console.log(`\n${formatReport(report)}\nJSON: ${jsonPath}`)
  if (searchReport) console.log(`\n${searchReport}`)
} finally {
  await Promise.all(running.map((mf) => mf.dispose()))
  rmSync(work, { recursive: true, force: true })
}
