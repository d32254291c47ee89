import { performance } from 'node:perf_hooks'
import { DEFAULT_SITE } from '../../src/content/site-defaults'
import { renderPost } from '../../src/markdown/post'
import { renderPostPage } from '../../src/views/render'
import { postMeta } from '../fixtures/content'
import { BENCH_POST, samplePostMarkdown } from './sample-post'

/** One rendering workload: `prepare` builds its inputs once and returns the code to time. */
export interface RenderCase {
  name: string
  /** Target median in milliseconds, when the case has one. */
  targetMs?: number
  prepare(): () => unknown
}

export interface RenderResult {
  name: string
  iterations: number
  medianMs: number
  p95Ms: number
  targetMs?: number
  /** UTF-8 bytes of one run's output, to show what was rendered. */
  outputBytes: number
  /** Set when the case threw instead of rendering (the code under test is still being written). */
  error?: string
}

const site = { ...DEFAULT_SITE, baseUrl: 'https://blog.example' }
const post = () => postMeta({ ...BENCH_POST, markdown: samplePostMarkdown() })

/**
 * The workloads, in the order printed. A new target (e.g. "500 comments in threads render
 * under 10 ms median") is one more entry here.
 */
export const RENDER_CASES: RenderCase[] = [
  {
    name: 'post page, 15 KB post, full HTML (renderPostPage)',
    targetMs: 2,
    prepare() {
      const input = post()
      return () => renderPostPage(site, input)
    },
  },
  {
    // The markdown step alone, to show how the page's time divides.
    name: 'post markdown alone, 15 KB (renderPost)',
    prepare() {
      const { markdown } = post()
      return () => renderPost(markdown, { baseUrl: site.baseUrl })
    },
  },
]

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN
}

/** Times `rendering` in Node: `warmup` untimed runs, then `iterations` timed ones. */
export function timeRender(
  rendering: RenderCase,
  { warmup = 100, iterations = 300 } = {},
): RenderResult {
  const { name, targetMs } = rendering
  try {
    const run = rendering.prepare()
    let output: unknown
    for (let i = 0; i < warmup; i++) output = run()
    const samples: number[] = []
    for (let i = 0; i < iterations; i++) {
      const start = performance.now()
      output = run()
      samples.push(performance.now() - start)
    }
    samples.sort((a, b) => a - b)
    const [medianMs, p95Ms] = [quantile(samples, 0.5), quantile(samples, 0.95)]
    return { name, targetMs, iterations, medianMs, p95Ms, outputBytes: Buffer.byteLength(String(output)) }
  } catch (error) {
    const failed = { iterations: 0, medianMs: Number.NaN, p95Ms: Number.NaN, outputBytes: 0 }
    return { name, targetMs, ...failed, error: String(error) }
  }
}
