import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FIXTURE, FIXTURE_PUBLIC } from '../fixtures/site'
import { launchChromium, resultPath } from './support/browser'
import { palabre, server } from './support/pages'

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, javaScriptEnabled: false }

/** The header navigation on a phone with JavaScript off: every link shown, reachable and working. */
describe.skipIf(!palabre())('the site navigation on a phone without JavaScript', () => {
  let browser: Browser
  let context: BrowserContext
  beforeAll(async () => {
    browser = await launchChromium()
    context = await browser.newContext(PHONE)
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
  })

  async function open(path: string): Promise<Page> {
    const page = await context.newPage()
    const response = await page.goto(server().origin + path)
    expect(response?.status(), path).toBe(200)
    return page
  }
  const nav = (page: Page) => page.getByRole('navigation', { name: 'Site' })

  it('shows every link inside the window, wrapped rather than cut or hidden, with no horizontal scrolling', async () => {
    const page = await open('/')
    const links = nav(page).getByRole('link')
    await expect(links.allInnerTexts()).resolves.toEqual([...FIXTURE.nav])
    for (const link of await links.all()) {
      await expect(link.isVisible()).resolves.toBe(true)
      const box = (await link.boundingBox())!
      expect(box.x).toBeGreaterThanOrEqual(0)
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.viewport.width)
      expect(box.height, 'a target a finger can hit').toBeGreaterThanOrEqual(24)
    }
    await expect(page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')).resolves.toBe(0)
    await expect(nav(page).getByRole('link', { name: FIXTURE.draftPage.title }).count()).resolves.toBe(0)
    await page.screenshot({ path: resultPath('navigation-phone.png') })
    await page.close()
  })

  it('is reached by the keyboard in reading order, after the skip link and the site title', async () => {
    const page = await open('/')
    const focused: string[] = []
    for (let i = 0; i < 2 + FIXTURE.nav.length; i++) {
      await page.keyboard.press('Tab')
      focused.push(await page.evaluate('document.activeElement.textContent'))
    }
    expect(focused).toEqual(['Skip to content', FIXTURE.title, ...FIXTURE.nav])
    await page.close()
  })

  it('leads to a page, which its link then marks as the current one', async () => {
    const page = await open('/')
    await nav(page).getByRole('link', { name: FIXTURE.pages[0].title }).click()
    await page.waitForURL(`**/${FIXTURE.pages[0].slug}`)
    await expect(page.locator('main h1').innerText()).resolves.toBe(FIXTURE.pages[0].title)
    const current = nav(page).locator('[aria-current="page"]')
    await expect(current.allInnerTexts()).resolves.toEqual([FIXTURE.pages[0].title])
    await page.close()
  })

  it('leads to the archive, every public post by date, and to the tags, each leading to its posts', async () => {
    const page = await open('/')
    await nav(page).getByRole('link', { name: 'Archive' }).click()
    await page.waitForURL('**/archive')
    await expect(page.locator('.archive-list a').allInnerTexts()).resolves.toEqual(FIXTURE_PUBLIC.map((post) => post.title))
    await nav(page).getByRole('link', { name: 'Tags' }).click()
    await page.waitForURL('**/tags')
    await page.getByRole('link', { name: 'markdown', exact: true }).click()
    await page.waitForURL('**/tags/markdown')
    await expect(page.locator('main').innerText()).resolves.toContain(FIXTURE.markdown.title)
    await page.close()
  })

  it('links each post to the one before it and after it', async () => {
    const page = await open(`/posts/${FIXTURE.markdown.slug}`)
    const postNav = page.getByRole('navigation', { name: 'More posts' })
    await postNav.getByRole('link', { name: FIXTURE.thread.title }).click()
    await page.waitForURL(`**/posts/${FIXTURE.thread.slug}`)
    await expect(page.locator('main h1').first().innerText()).resolves.toBe(FIXTURE.thread.title)
    await page.close()
  })
})
