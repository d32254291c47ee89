import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, watchPage } from './support/browser'
import { FIXTURE, FIXTURE_PUBLIC } from '../fixtures/site'
import { PAGE_TYPES, palabre, server } from './support/pages'

const PUBLIC_TITLES = FIXTURE_PUBLIC.map((post) => post.title)

describe.skipIf(!palabre())('reading the blog in Chromium', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(() => browser?.close())

  async function open(path: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext(options)
    const page = await context.newPage()
    const response = await page.goto(server().origin + path)
    expect(response?.status()).toBe(200)
    return page
  }

  it('lists the published posts on the home page, newest first, without the draft or the scheduled post', async () => {
    const page = await open('/')
    const titles = await page.locator('main h2').allInnerTexts()
    expect(titles).toEqual(PUBLIC_TITLES)
    await expect(page.title()).resolves.toBe(FIXTURE.title)
    await page.context().close()
  })

  it('takes a reader from the home page to a post by its title, and shows its date, tags and figure', async () => {
    const page = await open('/')
    await page.getByRole('link', { name: FIXTURE.thread.title }).click()
    await page.waitForURL(`**/posts/${FIXTURE.thread.slug}`)
    await expect(page.locator('h1').innerText()).resolves.toBe(FIXTURE.thread.title)
    await expect(page.locator('article time').first().getAttribute('datetime')).resolves.toMatch(/^2026-01-1\dT/)
    await expect(page.locator('ul.tags a').allInnerTexts()).resolves.toEqual([...FIXTURE.thread.tags])
    const figure = page.locator('.post-body img').first()
    await figure.scrollIntoViewIfNeeded()
    await expect.poll(() => figure.evaluate((img: { complete: boolean; naturalWidth: number }) => img.complete && img.naturalWidth)).toBeGreaterThan(0)
    await page.context().close()
  })

  it('serves the French post in French, at its accented address', async () => {
    const page = await open(`/posts/${encodeURIComponent(FIXTURE.french.slug)}`)
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr')
    await expect(page.locator('h1').innerText()).resolves.toBe(FIXTURE.french.title)
    await expect(page.locator('.post-body').innerText()).resolves.toContain(FIXTURE.french.phrase)
    await page.context().close()
  })

  it('works with JavaScript disabled: every page type renders and links lead on', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    for (const type of PAGE_TYPES.filter((t) => !t.needs || server().features[t.needs])) {
      const response = await page.goto(server().origin + type.path)
      expect(response?.status(), type.path).toBe(type.status)
      await expect(page.locator('main h1').first().isVisible(), type.path).resolves.toBe(true)
    }
    await page.goto(`${server().origin}/`)
    await page.getByRole('link', { name: FIXTURE.markdown.title }).click()
    await page.waitForURL(`**/posts/${FIXTURE.markdown.slug}`)
    await page.getByRole('link', { name: 'markdown', exact: true }).first().click()
    await page.waitForURL('**/tags/markdown')
    await expect(page.locator('main').innerText()).resolves.toContain(FIXTURE.markdown.title)
    await context.close()
  })

  it('logs no console error and no CSP violation on any page type', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const problems = watchPage(page)
    const notFound: string[] = []
    for (const type of PAGE_TYPES.filter((t) => !t.needs || server().features[t.needs])) {
      await page.goto(server().origin + type.path, { waitUntil: 'load' })
      if (type.status === 404) notFound.push(server().origin + type.path)
    }
    // Chromium reports the 404 page's own status as a failed load; that one is expected.
    const unexpected = problems.console.filter(
      (line) => !notFound.some((url) => line === `error at ${url}: Failed to load resource: the server responded with a status of 404 (Not Found)`),
    )
    expect(unexpected).toEqual([])
    expect(problems.errors).toEqual([])
    await context.close()
  })
})
