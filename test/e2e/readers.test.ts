import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, newReader, watchPage, type PageProblems } from './support/browser'
import { publicComments, unique } from './support/comments'
import { MISSING, THREAD_SLUG } from './support/features'
import { linksOf, postWithEmail, waitForMail } from './support/mailbox'
import { palabre, server } from './support/pages'

/**
 * Readers' tools (issue 13) in Chromium: the Preview button with JavaScript off (the form's own
 * POST) and on (in place), and the "manage my subscriptions" page of an email with JavaScript off.
 */
describe.skipIf(!palabre())('readers’ tools in Chromium', () => {
  let browser: Browser
  const problems: PageProblems[] = []
  const hostile = `*${unique('previewed')}* <img src=x onerror=alert(1)> [link](javascript:alert(1))`

  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(() => browser?.close())

  async function reader(javaScriptEnabled: boolean): Promise<Page> {
    const page = await (await newReader(browser, { javaScriptEnabled })).newPage()
    problems.push(watchPage(page))
    return page
  }

  async function fill(page: Page) {
    const form = page.locator('form#comment-form')
    await form.locator('input[name=author]').fill('Ada')
    await form.locator('[name=email]').fill('ada.preview@example.com')
    await form.locator('textarea[name=body]').fill(hostile)
    await form.locator('select[name=notify]').selectOption('replies')
    return form
  }

  it('previews a comment without JavaScript: rendered, inert, the form still filled in, nothing posted', async ({ skip }) => {
    skip(!server().features.commentForm, MISSING.commentForm)
    const page = await reader(false)
    await page.goto(`${server().origin}/posts/${THREAD_SLUG}`)
    const form = await fill(page)
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
      form.getByRole('button', { name: 'Preview' }).click(),
    ])
    expect(response.status()).toBe(200)
    expect(response.headers()['cache-control']).toBe('no-store')
    await page.waitForLoadState()
    const preview = page.locator('#comment-preview')
    await expect(preview.locator('.comment-body em').innerText()).resolves.toMatch(/^previewed/)
    // Only the generated avatar is an image; the comment's own markup stays text.
    await expect(preview.locator('.comment-body img, script').count()).resolves.toBe(0)
    await expect(preview.locator('img').getAttribute('src')).resolves.toMatch(/^\/avatars\/[0-9a-f]{32}\.svg$/)
    await expect(preview.locator('.comment-body a').count()).resolves.toBe(0)
    const again = page.locator('form#comment-form')
    await expect(again.locator('input[name=author]').inputValue()).resolves.toBe('Ada')
    await expect(again.locator('[name=email]').inputValue()).resolves.toBe('ada.preview@example.com')
    await expect(again.locator('textarea[name=body]').inputValue()).resolves.toBe(hostile)
    await expect(again.locator('select[name=notify]').inputValue()).resolves.toBe('replies')
    const shown = JSON.stringify(await publicComments(server(), THREAD_SLUG))
    expect(shown).not.toContain(hostile.slice(1, 20))
  })

  it('previews in place with JavaScript on, without leaving the page', async ({ skip }) => {
    skip(!server().features.commentForm, MISSING.commentForm)
    const page = await reader(true)
    const url = `${server().origin}/posts/${THREAD_SLUG}`
    await page.goto(url)
    const form = await fill(page)
    await form.getByRole('button', { name: 'Preview' }).click()
    await expect.poll(() => page.locator('#comment-preview .comment-body em').innerText().catch(() => '')).toMatch(/^previewed/)
    expect(page.url()).toBe(url)
    await expect(page.locator('#comment-preview img, #comment-preview script').count()).resolves.toBe(0)
    await expect(form.locator('textarea[name=body]').inputValue()).resolves.toBe(hostile)
  })

  it('manages subscriptions from an email’s link without JavaScript: a list, a button each, and nothing changes on GET', async ({ skip }) => {
    skip(!server().features.mailbox, MISSING.mailbox)
    const email = `ada.manage.${Date.now().toString(36)}@example.com`
    await postWithEmail(server(), THREAD_SLUG, { author: 'Ada', email, body: unique('Follow this post'), notify: 'post' })
    const [confirmation] = await waitForMail(server(), (m) => m.to === email)
    const link = linksOf(confirmation!).find((url) => url.includes('/notify/subscriptions?'))
    expect(link).toBeDefined()
    const page = await reader(false)
    await page.goto(link!)
    await expect(page.locator('h1').innerText()).resolves.toBe('Your subscriptions')
    await expect(page.locator('meta[name=robots]').getAttribute('content')).resolves.toBe('noindex')
    const stop = page.getByRole('button', { name: /^Stop: Every new comment on/ })
    await expect(stop.count()).resolves.toBe(1)
    // Loading the page again (as a mail scanner would) stopped nothing.
    await page.reload()
    await expect(stop.count()).resolves.toBe(1)
    await Promise.all([page.waitForLoadState(), stop.click()])
    await expect(page.locator('.notice').innerText()).resolves.toMatch(/^Stopped: Every new comment on/)
    await expect(page.getByRole('button', { name: /^Stop: / }).count()).resolves.toBe(0)
    await expect(page.locator('main').innerText()).resolves.toContain('This address follows nothing')
  })

  it('ran no injected script and logged no error on any of these pages', () => {
    for (const p of problems) expect(p).toEqual({ console: [], errors: [], dialogs: [] })
  })
})
