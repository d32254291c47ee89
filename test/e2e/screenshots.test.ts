import { statSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, resultPath } from './support/browser'
import { THREAD_SLUG } from './support/features'
import { palabre, server } from './support/pages'

const VIEWPORTS = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 },
}
const PAGES = { home: '/', thread: `/posts/${THREAD_SLUG}` }

/** Full-page screenshots under test-results/e2e/ (CI keeps them as artifacts; git ignores them). */
describe.skipIf(!palabre())('screenshots of the home page and a post with its thread', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(() => browser?.close())

  for (const [size, options] of Object.entries(VIEWPORTS)) {
    for (const [name, path] of Object.entries(PAGES)) {
      it(`saves ${name} at ${size} size (${options.viewport.width}×${options.viewport.height}), with nothing wider than the window`, async () => {
        const context = await browser.newContext(options)
        const page = await context.newPage()
        await page.goto(server().origin + path, { waitUntil: 'load' })
        if (name === 'thread' && server().thread.length > 0) {
          await expect(page.locator('#comments li.comment').count()).resolves.toBeGreaterThanOrEqual(server().thread.length)
        }
        const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')
        expect(overflow, 'horizontal scrolling').toBe(0)
        const file = resultPath(`${name}-${size}.png`)
        await page.screenshot({ path: file, fullPage: true })
        expect(statSync(file).size).toBeGreaterThan(10_000)
        await context.close()
      })
    }
  }
})
