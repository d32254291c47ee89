import { performance } from 'node:perf_hooks'
import { buildThread } from '../../src/comments/tree'
import type { CommentRow } from '../../src/comments/types'
import { DEFAULT_SITE } from '../../src/content/site-defaults'
import { Marked } from 'marked'
import { renderComment } from '../../src/markdown/comment'
import { CRAFTED_UNITS, craftedBody } from '../fixtures/comments/crafted-bodies'
import { renderWithMarked } from '../fixtures/comments/marked-comment-renderer'
import { REALISTIC_COMMENTS } from '../fixtures/comments/realistic-comments'
import { renderPublishedPost } from '../../src/markdown/post'
import { discussionPageBytes, renderPostPage } from '../../src/views/render'
import { discussionViewKey, shownThread } from '../../src/views/shown-thread'
import { postHost } from '../../src/content/discussion-host'
import { buildDiscussion, DISCUSSION } from '../fixtures/comments/discussion'
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
  /** Part of the Worker's work per view (what `BENCH_ONLY=views` times). */
  perView?: boolean
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

/**
 * The workloads, in the order printed. A new target (e.g. "500 comments in threads render
 * under 10 ms median") is one more entry here.
 */
export const RENDER_CASES: RenderCase[] = [
  {
    // Everything the Worker does for an uncached view once KV and D1 have answered: the tree,
    // one page of it, the page around the post's stored HTML.
    name: `Worker work per uncached view, ${DISCUSSION.visible} comments (buildThread + discussionPageBytes)`,
    targetMs: 1,
    perView: true,
    prepare: () => uncachedView(buildDiscussion(post().slug).rows, DISCUSSION.visible),
  },
  {
    name: `Worker work per uncached view, ${LARGE_DISCUSSION.comments} comments (the same)`,
    targetMs: 3,
    perView: true,
    note:
      'the first view after a change reads the whole thread in the one D1 batch a view makes ' +
      '(readDiscussion), whatever its size, and stores its page; the views after it read that page ' +
      '(src/comments/discussion-pages.ts)',
    prepare: () => uncachedView(buildLargeDiscussion(post().slug), LARGE_DISCUSSION.comments),
  },
  {
    // The first view of a thread in an isolate: no comment date formatted yet (each run moves
    // every instant by a millisecond, so the memo of formatted dates never answers).
    name: `Worker work per uncached view, ${LARGE_DISCUSSION.comments} comments, first view in an isolate`,
    perView: true,
    prepare: () => {
      const rows = buildLargeDiscussion(post().slug)
      let shift = 0
      return uncachedView(rows, LARGE_DISCUSSION.comments, () => {
        shift++
        return rows.map((row) => ({ ...row, createdAt: row.createdAt + shift }))
      })
    },
  },
  {
    // What every miss after the first pays once the discussion's page is stored
    // (src/comments/discussion-pages.ts): the page around the stored thread's HTML.
    name: `Worker work per uncached view, ${DISCUSSION.visible} comments, from its stored page (discussionPageBytes)`,
    perView: true,
    prepare: () => storedView(buildDiscussion(post().slug).rows),
  },
  {
    name: `Worker work per uncached view, ${LARGE_DISCUSSION.comments} comments, from its stored page (the same)`,
    perView: true,
    prepare: () => storedView(buildLargeDiscussion(post().slug)),
  },
  {
    name: 'Worker work per uncached view, no discussion (renderPostPage)',
    perView: true,
    prepare() {
      const input = post()
      return () => renderPostPage(site, input)
    },
  },
  {
    // Paid once per publish, in Node: the post's markdown to the HTML KV holds.
    name: 'publish-time post render, 15 KB (renderPublishedPost)',
    prepare() {
      const { markdown, ...meta } = post()
      return () => renderPublishedPost(site, meta, markdown)
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
    // Paid once per POST (comments are rendered when written): the worst input known here.
    name: 'worst-case comment render, 10,000 characters of a_a_… (renderComment)',
    note: 'crafted comments are the security issue’s item 2; the figure is per write, never per view',
    runs: { warmup: 2, iterations: 10 },
    prepare() {
      const text = 'a_'.repeat(5000)
      return () => renderComment(text)
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

const post = () => postMeta({ ...BENCH_POST, markdown: samplePostMarkdown() })

/**
 * The route's work on a cache miss for `rows` (or what `each` gives every run), checked to show
 * all `visible` comments: the tree, its first page, that page joined to the shell of the page
 * around it (src/views/page-shell.ts), as bytes.
 */
function uncachedView(rows: CommentRow[], visible: number, each: () => CommentRow[] = () => rows): () => unknown {
  const input = post()
  const host = postHost(input)
  const { maxDepth } = site.comments
  const page = () => discussionPageBytes(site, { post: input, thread: shownThread(site, host, buildThread(each(), { maxDepth }), 1), page: 1 })
  const html = new TextDecoder().decode(page() ?? new Uint8Array())
  const shown = html.match(/<li id="comment-/g)?.length ?? 0
  const deleted = html.match(/class="comment-deleted"/g)?.length ?? 0
  // Page 1 holds the first threadsPerPage threads: all 500 comments, 87 of the 95.
  if (shown - deleted === 0 || shown - deleted > visible) throw new Error(`page 1 shows ${shown - deleted} of ${visible} comments`)
  return page
}

/**
 * The route's work on a miss that finds the discussion's page stored: `rows` rendered once, as
 * the first view stores them, and kept by the isolate as a read keeps it (the same string).
 */
function storedView(rows: CommentRow[]): () => unknown {
  const input = post()
  const host = postHost(input)
  const stored = shownThread(site, host, buildThread(rows, { maxDepth: site.comments.maxDepth }), 1)
  if (!stored?.html) throw new Error('the stored page shows no thread')
  return () => (discussionViewKey(site, host), discussionPageBytes(site, { post: input, thread: stored, page: 1 }))
}

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
    return { name, targetMs, note, iterations, medianMs, p95Ms, maxMs, outputBytes: output instanceof Uint8Array ? output.length : Buffer.byteLength(String(output)) }
  } catch (error) {
    const failed = { iterations: 0, medianMs: Number.NaN, p95Ms: Number.NaN, maxMs: Number.NaN, outputBytes: 0 }
    return { name, targetMs, note, ...failed, error: String(error) }
  }
}
