import type { LoadOptions, LoadResult } from './load'
import type { BundleSize } from './real-worker'
import type { RenderResult } from './render'
import type { StormOptions, StormResult } from './storm'

export interface ServedCase {
  name: string
  /** Status of the page on the probes before the load. */
  status: number
  /** Cache path the probes reported, in order (e.g. `MISS→HIT`). */
  cachePath: string
  /** Body bytes of the page. */
  bytes: number
  load: LoadResult
}

export interface BenchReport {
  date: string
  node: string
  /** One-minute load average around the run: other work on the machine makes figures noisy. */
  loadAverage: { before: number; after: number; cores: number }
  load: LoadOptions & { assetsRouter: boolean }
  bundle: BundleSize
  served: ServedCase[]
  /** Each ratio of steady-state throughputs, with the same ratio of counted responses beside it. */
  ratios: Record<string, { value: number; counted: number; target?: string }>
  render: RenderResult[]
  storm?: { options: StormOptions; results: StormResult[] } | undefined
  post: { path: string; postBytes: number; migrations: number; comments: number }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1)

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)))
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')
  return [line(header), ...rows.map(line)].join('\n')
}

/** The render timings as a table (alone under `BENCH_ONLY=render`). */
export function formatRenderTable(render: RenderResult[]): string {
  return table(
    ['rendered in Node', 'runs', 'median ms', 'p95 ms', 'max ms', 'target', 'output'],
    render.map((r) => [
      r.name,
      String(r.iterations),
      r.error ? 'failed' : r.medianMs.toFixed(3),
      r.error ? '-' : r.p95Ms.toFixed(3),
      r.error ? '-' : r.maxMs.toFixed(3),
      r.targetMs === undefined ? '-' : `< ${r.targetMs} ms`,
      r.error ? r.error.slice(0, 60) : kb(r.outputBytes),
    ]),
  )
}

/** The comment storm's two runs as a table (alone under `BENCH_ONLY=storm`). */
export function formatStormTable(options: StormOptions, results: StormResult[]): string {
  const o = options
  return [
    `Comment storm: ${o.approvalsPerMinute} approvals a minute on one post for ${o.minutes} min, ` +
      `${o.readsPerSecond} page reads a second over ${o.dataCenters} data centers, purges limited to ` +
      `${o.purgeRate.perMinute} a minute (bucket ${o.purgeRate.bucket}, the free plan's):`,
    table(
      ['purging', 'approvals', 'purges sent', 'refused', 'reads', 'hit ratio', 'max delay s', 'mean delay s', 'never seen'],
      results.map((r) => [
        r.name,
        String(r.approvals),
        String(r.purgesSent),
        String(r.purgesRefused),
        String(r.reads),
        r.hitRatio.toFixed(3),
        r.maxDelayS.toFixed(1),
        r.meanDelayS.toFixed(1),
        String(r.unseen),
      ]),
    ),
  ].join('\n')
}

/** The report as a compact text table for the terminal. */
export function formatReport(report: BenchReport): string {
  const served = table(
    ['served', 'status', 'cache', 'bytes', 'req/s', 'counted', 'p50 ms', 'p90 ms', 'p99 ms', 'errors'],
    report.served.map((s) => [
      s.name,
      String(s.status),
      s.cachePath,
      String(s.bytes),
      s.load.requestsPerSecond.toFixed(0),
      s.load.completedPerSecond.toFixed(0),
      ms(s.load.p50),
      ms(s.load.p90),
      ms(s.load.p99),
      String(s.load.errors + nonOk(s)),
    ]),
  )
  const ratios = Object.entries(report.ratios)
    .map(([name, r]) => `  ${name}: ${r.value.toFixed(2)}${r.target ? ` (target ${r.target})` : ''}; counted ${r.counted.toFixed(2)}`)
    .join('\n')
  const render = formatRenderTable(report.render)
  const notes = report.render.filter((r) => r.note).map((r) => `  ${r.name}: ${r.note}`)
  const { bundle, load, loadAverage, post } = report
  const busy = Math.max(loadAverage.before, loadAverage.after) > loadAverage.cores / 2
  return [
    `Load: ${load.connections} requests in flight; per Worker ${load.warmupSeconds} s warm-up, then ` +
      `${load.seconds} s in ${load.rounds} turns; loopback, no compression; req/s is requests in flight ÷ mean latency ` +
      `(steady state; \`counted\` is responses ÷ seconds, which loses those in flight at each turn's end); ` +
      `${load.assetsRouter ? 'every Worker behind the assets router' : 'no assets router (BENCH_ASSETS=0)'}.`,
    `Page: ${post.path} (and its -500 twin) from a ${kb(post.postBytes)} markdown post, its HTML in local KV; ` +
      `${post.comments} comment rows in D1 (95 visible on one post, 500 on the other); ${post.migrations} D1 migration(s) applied.`,
    '',
    served,
    '',
    'Ratios of requests per second:',
    ratios,
    '',
    ...(report.render.length ? [render] : []),
    ...(report.storm ? ['', formatStormTable(report.storm.options, report.storm.results)] : []),
    ...(notes.length ? ['Notes:', ...notes] : []),
    '',
    `Worker bundle (dry run: ${bundle.files.join(', ')}): ${bundle.raw} bytes raw (${kb(bundle.raw)}), ` +
      `${bundle.gzip} gzip (${kb(bundle.gzip)}; target < 200 KB)`,
    `Load average ${loadAverage.before.toFixed(2)} before, ${loadAverage.after.toFixed(2)} after, ` +
      `on ${loadAverage.cores} cores${busy ? ': the machine was busy with other work, so figures are noisy' : ''}.`,
  ].join('\n')
}

/** Responses whose status differs from the one the probes saw (a page that changed under load). */
function nonOk(s: ServedCase): number {
  return Object.entries(s.load.statuses)
    .filter(([code]) => Number(code) !== s.status)
    .reduce((sum, [, count]) => sum + count, 0)
}
