import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, watchPage } from './support/browser'
import { FIXTURE } from '../fixtures/site'
import { palabre, server } from './support/pages'

/**
 * The search form in the header, JavaScript off, against `npm start` in a private copy: the
 * index there was written by the real publish tool (`wrangler d1 execute --local`).
 */
describe.skipIf(!palabre())('searching the blog in Chromium, JavaScript off', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(() => browser?.close())

  /** Types `query` into the header's field of `path` and submits it with Enter. */
  async function searchFrom(path: string, query: string) {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    const problems = watchPage(page)
    await page.goto(server().origin + path)
    const field = page.getByRole('search', { name: 'Search' }).getByLabel('Search the site')
    await field.fill(query)
    await Promise.all([page.waitForURL('**/search?q=**'), field.press('Enter')])
    return { page, problems, context }
  }

  it('finds the French post, accents and case ignored, and marks the words found', async () => {
    const { page, problems, context } = await searchFrom('/', 'FRANCAIS lecteurs')
    expect(new URL(page.url()).search).toBe('?q=francais+lecteurs')
    await expect(page.locator('h1').innerText()).resolves.toBe('Search results for “francais lecteurs”')
    await expect(page.locator('.search-results h2').allInnerTexts()).resolves.toEqual([FIXTURE.french.title])
    await expect(page.locator('.search-results mark').count()).resolves.toBeGreaterThan(0)
    await expect(page.locator('.search-count').innerText()).resolves.toBe('1 result')
    await page.getByRole('link', { name: FIXTURE.french.title }).click()
    await page.waitForURL(`**/posts/${encodeURIComponent(FIXTURE.french.slug)}`)
    expect([...problems.console, ...problems.errors, ...problems.dialogs]).toEqual([])
    await context.close()
  })

  it('never shows the draft or the scheduled post, and says so when nothing matches', async () => {
    for (const query of ['unfinished draft', 'scheduled 2099']) {
      const { page, context } = await searchFrom(`/posts/${FIXTURE.thread.slug}`, query)
      await expect(page.locator('.search-results').count()).resolves.toBe(0)
      await expect(page.locator('main').innerText()).resolves.toContain('Nothing matches all these words.')
      await context.close()
    }
  })

  it('shows a hostile query as text, runs no script, and keeps it in the field', async () => {
    const { page, problems, context } = await searchFrom('/', '"><script>alert(1)</script> NEAR(')
    await expect(page.locator('h1').innerText()).resolves.toBe('Search results for “script alert 1 near”')
    await expect(page.getByLabel('Search the site').last().inputValue()).resolves.toBe('script alert 1 near')
    expect([...problems.console, ...problems.errors, ...problems.dialogs]).toEqual([])
    await context.close()
  })
})
