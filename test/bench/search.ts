import { indexRow, planSearchIndex, searchStatements } from '../../src/cli/search-plan'
import { INDEX_KEY } from '../../src/content/keys'
import { DEFAULT_SITE } from '../../src/content/site-defaults'
import type { ContentIndex, PostMeta } from '../../src/content/types'
import type { SearchDocument } from '../../src/search/document'
import { searchApiPath } from '../../src/urls'
import type { MiniflareInstance } from './miniflare'
import { seedRealWorker } from './real-worker'

/**
 * `npm run bench`'s search part: the built Worker, Cache API off (every request runs the query),
 * with 1,000 published posts of about 1,300 words each in its FTS5 index (written with the
 * publish tool's own rows and statements), asked a mix of queries one at a time. Latency is
 * measured from Node over loopback HTTP: the Worker's whole answer, its D1 query included.
 */

const POSTS = 1_000
const WORDS_PER_POST = 1_300
const REQUESTS_PER_QUERY = Number(process.env.BENCH_SEARCH_REQUESTS ?? 60)

/** Deterministic PRNG (mulberry32), so every run indexes the same text. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// Real French and English words for the frequent end, made-up ones for the long tail.
const COMMON = 'le la les de des et un une que qui pour dans sur avec est the of and to in is for that with on as réussite entrepreneuriat école édition lecteurs commentaires modération cache edge worker publier billet'.split(' ')
const rand = random(42)
const TAIL = Array.from({ length: 6_000 }, (_, i) => `mot${i.toString(36)}${'éèàç'[i % 4]}x`)

/** A word drawn with a Zipf-like skew: the first words of the vocabulary far more often. */
function word(): string {
  const r = rand()
  if (r < 0.45) return COMMON[Math.floor(rand() * COMMON.length)]!
  return TAIL[Math.floor(TAIL.length * Math.pow(rand(), 2.2))]!
}

const text = (n: number) => Array.from({ length: n }, word).join(' ')

function documents(): { metas: PostMeta[]; docs: SearchDocument[] } {
  const metas: PostMeta[] = []
  const docs: SearchDocument[] = []
  for (let i = 0; i < POSTS; i++) {
    const slug = `bench-search-${i}`
    const date = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString()
    const meta: PostMeta = { slug, title: text(7), date, tags: [word(), word()], summary: text(30), draft: false, comments: true, words: WORDS_PER_POST, readingMinutes: 6, hash: `b${i}` }
    metas.push(meta)
    docs.push({ kind: 'post', slug, path: `/posts/${slug}`, title: meta.title, tags: meta.tags, summary: meta.summary, text: text(WORDS_PER_POST), date })
  }
  return { metas: metas.reverse(), docs }
}

/** The queries asked, by what they exercise. */
const QUERIES: [label: string, path: string][] = [
  ['frequent word (most posts)', searchApiPath('réussite')],
  ['frequent word, page 5', searchApiPath('réussite', 5)],
  ['two frequent words', searchApiPath('edge worker')],
  ['rare word', searchApiPath(TAIL[4_000]!)],
  ['two-letter prefix', searchApiPath('mo')],
  ['five-letter prefix', searchApiPath('entre')],
  ['three words, one rare', searchApiPath(`école lecteurs ${TAIL[300]!}`)],
  ['no result', searchApiPath('introuvable')],
]

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

/** Seeds the Worker's KV index and D1 search index, then times each query; returns the report. */
export async function benchSearch(started: { mf: MiniflareInstance; url: URL }): Promise<string> {
  const { mf, url } = started
  const { metas, docs } = documents()
  await seedRealWorker(mf) // the migrations (and the other benches' data, which the index below replaces)
  const index: ContentIndex = { version: 'bench-search', site: DEFAULT_SITE, posts: metas }
  await (await mf.getKVNamespace('CONTENT')).put(INDEX_KEY, JSON.stringify(index))
  const db = await mf.getD1Database('DB')
  const statements = searchStatements(planSearchIndex([], docs.map(indexRow))).flat()
  for (let i = 0; i < statements.length; i += 50) await db.batch(statements.slice(i, i + 50).map((sql) => db.prepare(sql)))
  const bytes = docs.reduce((sum, doc) => sum + Buffer.byteLength(doc.text), 0)

  const lines = [`Search (Worker side, Cache API off): ${POSTS} posts, ${Math.round(bytes / POSTS / 1024)} KiB of text each on average, ${REQUESTS_PER_QUERY} requests per query, one at a time`]
  const all: number[] = []
  for (const [label, path] of QUERIES) {
    const times: number[] = []
    let total = 0
    for (let i = 0; i < REQUESTS_PER_QUERY + 5; i++) {
      const start = performance.now()
      const res = await fetch(new URL(path, url))
      const body = (await res.json()) as { total?: number }
      const elapsed = performance.now() - start
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`)
      total = body.total ?? 0
      if (i >= 5) times.push(elapsed) // the first five warm up
    }
    times.sort((a, b) => a - b)
    all.push(...times)
    lines.push(`  ${label.padEnd(28)} ${String(total).padStart(5)} results   median ${percentile(times, 50).toFixed(2)} ms   p95 ${percentile(times, 95).toFixed(2)} ms`)
  }
  all.sort((a, b) => a - b)
  lines.push(`  ${'all queries'.padEnd(28)} ${''.padStart(13)}   median ${percentile(all, 50).toFixed(2)} ms   p95 ${percentile(all, 95).toFixed(2)} ms`)
  return lines.join('\n')
}
