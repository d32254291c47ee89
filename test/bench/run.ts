// `npm run bench`: the built Worker in miniflare (not behind `wrangler dev`'s proxy) against two
// baseline Workers serving the same bytes, then the render code timed in Node.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { baselineWorkerOptions, storageFloorOptions, type PageCopy } from './baseline-workers'
import { type LoadOptions, measureInTurns } from './load'
import { type MiniflareInstance, startMiniflare } from './miniflare'
import { benchPostKey, buildWorker, realWorkerOptions, seedRealWorker } from './real-worker'
import { RENDER_CASES, timeRender } from './render'
import { type BenchReport, formatRenderTable, formatReport } from './report'
import { BENCH_POST, BENCH_POST_500 } from './sample-post'
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

// BENCH_ONLY=render: the render timings alone, without building or loading any Worker.
if (process.env.BENCH_ONLY === 'render') {
  console.log(formatRenderTable(RENDER_CASES.map((rendering) => timeRender(rendering))))
  process.exit(0)
}

const work = mkdtempSync(path.join(os.tmpdir(), 'palabre-bench-'))
const running: MiniflareInstance[] = []
async function start(options: Record<string, unknown>, persistAs: string, page = PAGE_PATH) {
  const resourcePersistencePath = path.join(work, persistAs)
  const { mf, url } = await startMiniflare({ ...options, resourcePersistencePath })
  running.push(mf)
  return { mf, url: new URL(page, url) }
}

try {
  const loadBefore = os.loadavg()[0]!
  // Render timings first, in a quiet process: after the load test, workerd's exit and the
  // garbage of 20,000 responses skew them by a millisecond.
  const render = RENDER_CASES.map((rendering) => timeRender(rendering))
  const outdir = path.join(work, 'dist')
  const bundle = buildWorker(outdir)

  // What the baselines share with the real Worker: compatibility settings and the assets router.
  const { assets, compatibilityDate, compatibilityFlags, ...built } = realWorkerOptions(outdir)
  const platform = { compatibilityDate, compatibilityFlags, ...(WITH_ASSETS && { assets }) }
  // Search latency first, while no other Worker is under load (test/bench/search.ts).
  const searchReport = await benchSearch(await start({ ...built, ...platform, cacheAPI: false }, 'search'))
  // cacheAPI: false makes caches.default inert: every request takes the uncached path.
  const real = await start({ ...built, ...platform, cacheAPI: true }, 'cached')
  const seeded = await seedRealWorker(real.mf)
  const cached = await probe('real Worker, cached page', real.url)
  const inert = await start({ ...built, ...platform, cacheAPI: false }, 'uncached')
  await seedRealWorker(inert.mf)
  const uncached = await probe('real Worker, uncached, 95 comments', inert.url)
  const uncached500 = await probe('real Worker, uncached, 500 comments', new URL(PAGE_500_PATH, inert.url))
  const floor = async (slug: string, name: string) => {
    const worker = await start(storageFloorOptions(slug, benchPostKey(slug), platform), `floor-${slug}`)
    await seedRealWorker(worker.mf)
    return probe(name, worker.url)
  }
  const floor95 = await floor(BENCH_POST.slug, 'storage floor, 95 comments')
  const floor500 = await floor(BENCH_POST_500.slug, 'storage floor, 500 comments')

  const trivialWorker = await start(baselineWorkerOptions('trivial', cached.page, platform), 'trivial')
  const trivial = await probe('trivial Worker, same bytes', trivialWorker.url)
  const cacheWorker = await start(baselineWorkerOptions('cache-only', cached.page, platform), 'cache-only')
  const cacheOnly = await probe('Cache API only Worker', cacheWorker.url)

  const targets = [trivial, cacheOnly, cached, uncached, floor95, uncached500, floor500]
  for (const t of targets) {
    process.stderr.write(`${t.name}: ${t.status} ${t.cachePath}, ${t.page.body.length} bytes\n`)
  }
  const loads = await measureInTurns(targets.map((t) => t.url.href), LOAD, (round) =>
    process.stderr.write(`round ${round + 1}/${LOAD.rounds}\n`),
  )
  await Promise.all(running.splice(0).map((mf) => mf.dispose()))
  const rps = (i: number) => loads[i]!.requestsPerSecond
  const [trivialRps, cacheOnlyRps, cachedRps, uncachedRps, floorRps, uncached500Rps, floor500Rps] = [0, 1, 2, 3, 4, 5, 6].map(rps) as [number, number, number, number, number, number, number]

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
    ratios: {
      'cached page ÷ Cache API only Worker': { value: cachedRps / cacheOnlyRps, target: '≥ 0.95' },
      'uncached page, 95 comments ÷ storage floor': { value: uncachedRps / floorRps, target: '≥ 0.7' },
      'uncached page, 500 comments ÷ storage floor': { value: uncached500Rps / floor500Rps, target: '≥ 0.6' },
      'uncached page ÷ cached page': { value: uncachedRps / cachedRps },
      'Cache API only ÷ trivial Worker': { value: cacheOnlyRps / trivialRps },
    },
    render,
    post: { path: PAGE_PATH, ...seeded },
  }
  const jsonPath = path.join(os.tmpdir(), `palabre-bench-${Date.now()}.json`)
  writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`)
  console.log(`\n${formatReport(report)}\nJSON: ${jsonPath}`)
  console.log(`\n${searchReport}`)
} finally {
  await Promise.all(running.map((mf) => mf.dispose()))
  rmSync(work, { recursive: true, force: true })
}
