import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, newReader, watchPage, type PageProblems } from './support/browser'
import { approve, publicComments, submitCommentForm, unique, type Landing } from './support/comments'
import { MISSING, THREAD_SLUG } from './support/features'
import { FIXTURE } from '../fixtures/site'
import { palabre, server } from './support/pages'

/**
 * A reader's thread, as a reader makes it in the browser: a comment, a reply, a reply to the
 * reply. New commenters are held (moderation: first-time), so each one is approved through the
 * admin API before the next step; test/e2e/moderation.test.ts approves through /admin instead.
 */
describe.skipIf(!palabre())('a threaded discussion written in Chromium', () => {
  let browser: Browser
  let page: Page
  let problems: PageProblems
  const texts = { first: unique('First comment'), reply: unique('A reply'), deeper: unique('A reply to the reply') }
  const ids: number[] = []

  beforeAll(async () => {
    browser = await launchChromium()
    page = await (await newReader(browser)).newPage()
    problems = watchPage(page)
  })
  afterAll(() => browser?.close())

  /** Publishes what the form sent from `on`, whatever the moderation policy did with it. */
  async function published(landing: Landing, on: Page = page): Promise<number> {
    if (landing.held) {
      await expect(on.locator('h1').innerText()).resolves.toMatch(/awaiting moderation/i)
      await approve(server(), landing.id)
    }
    ids.push(landing.id)
    return landing.id
  }

  it('posts a comment through the form under the post', async ({ skip }) => {
    skip(!server().features.commentForm, MISSING.commentForm)
    await page.goto(`${server().origin}/posts/${THREAD_SLUG}`)
    const id = await published(await submitCommentForm(page, { author: 'Ada', body: texts.first }))
    await page.goto(`${server().origin}/posts/${THREAD_SLUG}#comment-${id}`)
    await expect(page.locator(`#comment-${id} .comment-body`).innerText()).resolves.toBe(texts.first)
  })

  it('replies to it from its Reply link with the form moved under it (JavaScript on)', async ({ skip }) => {
    skip(ids.length !== 1, 'needs the comment of the previous test')
    const parent = ids[0]!
    await page.goto(`${server().origin}/posts/${THREAD_SLUG}`)
    await page.locator(`#comment-${parent}`).getByRole('link', { name: /^Reply to / }).first().click()
    const form = page.locator('form#comment-form')
    await expect.poll(() => form.locator('input[name=parent_id]').inputValue().catch(() => '')).toBe(String(parent))
    await expect(page.locator(`#comment-${parent} form#comment-form`).count()).resolves.toBe(1)
    await published(await submitCommentForm(page, { author: 'Brune', body: texts.reply }))
  })

  it('replies to the reply from the reply page (JavaScript off)', async ({ skip }) => {
    skip(ids.length !== 2, 'needs the comments of the previous tests')
    const parent = ids[1]!
    const context = await newReader(browser, { javaScriptEnabled: false })
    const noScript = await context.newPage()
    await noScript.goto(`${server().origin}/posts/${THREAD_SLUG}`)
    await noScript.locator(`#comment-${parent}`).getByRole('link', { name: /^Reply to / }).first().click()
    await noScript.waitForURL(new RegExp(`/comments/${parent}/reply#comment-form$`))
    await expect(noScript.locator('form#comment-form input[name=parent_id]').inputValue()).resolves.toBe(String(parent))
    await published(await submitCommentForm(noScript, { author: 'Ada', body: texts.deeper }), noScript)
    await context.close()
  })

  it('nests each reply inside the comment it answers, in the page and in the JSON API', async ({ skip }) => {
    skip(ids.length !== 3, 'needs the thread of the previous tests')
    const [first, reply, deeper] = ids
    await page.goto(`${server().origin}/posts/${THREAD_SLUG}`)
    await expect(page.locator(`#comment-${first} > ol.replies > li#comment-${reply}`).count()).resolves.toBe(1)
    await expect(page.locator(`#comment-${reply} > ol.replies > li#comment-${deeper}`).count()).resolves.toBe(1)
    const api = await publicComments(server(), THREAD_SLUG)
    expect(api.find((c) => c.id === reply)?.parentId).toBe(first)
    expect(api.find((c) => c.id === deeper)?.parentId).toBe(reply)
    expect(api.find((c) => c.id === deeper)?.body).toBe(texts.deeper)
  })

  it('gives every comment an anchor: its permalink lands on it and its date links to it', async ({ skip }) => {
    skip(ids.length !== 3, 'needs the thread of the previous tests')
    const deeper = ids[2]!
    await page.goto(`${server().origin}/posts/${THREAD_SLUG}/comments/${deeper}`)
    expect(new URL(page.url()).pathname).toBe(`/posts/${THREAD_SLUG}`)
    expect(new URL(page.url()).hash).toBe(`#comment-${deeper}`)
    const target = page.locator(`#comment-${deeper}`)
    await expect(target.evaluate((el: { matches(selector: string): boolean }) => el.matches(':target'))).resolves.toBe(true)
    await expect(target.locator('a.comment-date').first().getAttribute('href')).resolves.toBe(`#comment-${deeper}`)
    await expect(target.isVisible()).resolves.toBe(true)
  })

  it('logged no console error, CSP violation or dialog along the way', () => {
    expect(problems).toEqual({ console: [], errors: [], dialogs: [] })
  })
})

/** A page that takes comments (test/fixtures/content/pages/guestbook.md): the same discussion, at `/<slug>`. */
describe.skipIf(!palabre())('a discussion under a page, written in Chromium', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(() => browser?.close())

  it('takes a comment from the page’s form and a reply from its reply page (JavaScript off), both shown under the page', async ({ skip }) => {
    skip(!server().features.commentForm, MISSING.commentForm)
    const pagePath = `/${FIXTURE.guestbook.slug}`
    const context = await newReader(browser, { javaScriptEnabled: false })
    const page = await context.newPage()
    const problems = watchPage(page)
    const texts = { first: unique('Signed the guestbook'), reply: unique('Thanks for signing') }
    await page.goto(server().origin + pagePath)
    const first = await submitCommentForm(page, { author: 'Ada', body: texts.first })
    if (first.held) await approve(server(), first.id)
    await page.goto(server().origin + pagePath)
    await expect(page.locator(`#comment-${first.id} .comment-body`).innerText()).resolves.toBe(texts.first)
    await page.locator(`#comment-${first.id}`).getByRole('link', { name: /^Reply to / }).first().click()
    await page.waitForURL(new RegExp(`^${server().origin}${pagePath}/comments/${first.id}/reply#comment-form$`))
    const reply = await submitCommentForm(page, { author: 'Brune', body: texts.reply })
    if (reply.held) await approve(server(), reply.id)
    await page.goto(server().origin + pagePath)
    await expect(page.locator(`#comment-${first.id} #comment-${reply.id} .comment-body`).innerText()).resolves.toBe(texts.reply)
    expect(problems).toEqual({ console: [], errors: [], dialogs: [] })
    await context.close()
  })
})
