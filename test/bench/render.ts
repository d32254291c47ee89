import { performance } from 'node:perf_hooks'
import { buildThread } from '../../src/comments/tree'
import { DEFAULT_SITE } from '../../src/content/site-defaults'
import { Marked } from 'marked'
import { renderComment } from '../../src/markdown/comment'
import { CRAFTED_UNITS, craftedBody } from '../fixtures/comments/crafted-bodies'
import { renderWithMarked } from '../fixtures/comments/marked-comment-renderer'
import { REALISTIC_COMMENTS } from '../fixtures/comments/realistic-comments'
import { renderPost } from '../../src/markdown/post'
import { renderDiscussionPage, renderPostPage } from '../../src/views/render'
import { postMeta } from '../fixtures/content'
import { buildLargeDiscussion, LARGE_DISCUSSION } from './large-discussion'
import { BENCH_POST, samplePostMarkdown } from './sample-post'

/** One rendering workload: `prepare` builds its inputs once and returns the code to time. */
export interface RenderCase {
  name: string
  /** Target median in milliseconds, when the case has one. */
  targetMs?: number
  /** A fact about the case printed under the figures. */
  note?: string
  /** Untimed and timed runs, when the defaults would take too long (the old renderer's seconds). */
  runs?: { warmup: number; iterations: number }
  prepare(): () => unknown
}

export interface RenderResult {
  name: string
  iterations: number
  medianMs: number
  p95Ms: number
  maxMs: number
  targetMs?: number
  note?: string
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
  {
    // Baseline in the same run: marked with its defaults on the same markdown, so the figures
    // above read against what this machine does right now (they swing with the VM's load).
    name: 'baseline: plain marked, default options, same 15 KB',
    prepare() {
      const { markdown } = post()
      const marked = new Marked({ gfm: true })
      return () => marked.parse(markdown, { async: false })
    },
  },
  {
    // What the route runs on a cache miss once D1 has answered: the tree, one page of it, the page.
    name: `post page with ${LARGE_DISCUSSION.comments} comments in threads (buildThread + renderDiscussionPage)`,
    targetMs: 10,
    note:
      'the page route reads its whole thread with one listThread call, one D1 statement whatever ' +
      'the thread size (counted in test/integration/comments-store-thread.test.ts)',
    prepare() {
      const input = post()
      const rows = buildLargeDiscussion(input.slug)
      const { maxDepth } = site.comments
      const page = () => renderDiscussionPage(site, { post: input, thread: buildThread(rows, { maxDepth }), page: 1 })
      const shown = page()?.match(/<li id="comment-/g)?.length
      if (shown !== LARGE_DISCUSSION.comments) throw new Error(`page 1 shows ${shown} comments, not all ${LARGE_DISCUSSION.comments}`)
      return page
    },
  },
]

// The comment renderer on every crafted 10,000-character body (test/fixtures/comments/crafted-bodies.ts),
// beside ordinary comments, and marked (the renderer before version 2) on the same bodies as the
// baseline: a few runs only, since it takes seconds on the worst of them.
const BASELINE_UNITS = ['star-a-underscore', 'underscore-star-a', 'a-bang-underscore', 'a-underscore', 'nested-quotes']
const ordinary = REALISTIC_COMMENTS.join('\n\n').slice(0, 10_000)

RENDER_CASES.push(
  {
    name: `comment: ordinary comments, ${ordinary.length} chars (renderComment)`,
    targetMs: 5,
    runs: { warmup: 200, iterations: 200 },
    prepare: () => () => renderComment(ordinary),
  },
  ...Object.entries(CRAFTED_UNITS).map(([name, unit]): RenderCase => ({
    name: `comment: crafted ${name} × 10,000 chars`,
    targetMs: 5,
    runs: { warmup: 50, iterations: 100 },
    prepare: () => {
      const body = craftedBody(unit)
      return () => renderComment(body)
    },
  })),
  {
    name: `baseline: marked comment renderer, ordinary comments`,
    runs: { warmup: 50, iterations: 100 },
    prepare: () => () => renderWithMarked(ordinary),
  },
  ...BASELINE_UNITS.map((name): RenderCase => ({
    name: `baseline: marked comment renderer, crafted ${name}`,
    runs: { warmup: 1, iterations: 3 },
    prepare: () => {
      const body = craftedBody(CRAFTED_UNITS[name]!)
      return () => renderWithMarked(body)
    },
  })),
)

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN
}

/** Times `rendering` in Node: `warmup` untimed runs, then `iterations` timed ones. */
export function timeRender(
  rendering: RenderCase,
  { warmup = 500, iterations = 500 } = rendering.runs ?? {},
): RenderResult {
  const { name, targetMs, note } = rendering
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
    const [medianMs, p95Ms, maxMs] = [quantile(samples, 0.5), quantile(samples, 0.95), samples.at(-1)!]
    return { name, targetMs, note, iterations, medianMs, p95Ms, maxMs, outputBytes: Buffer.byteLength(String(output)) }
  } catch (error) {
    const failed = { iterations: 0, medianMs: Number.NaN, p95Ms: Number.NaN, maxMs: Number.NaN, outputBytes: 0 }
    return { name, targetMs, note, ...failed, error: String(error) }
  }
}
