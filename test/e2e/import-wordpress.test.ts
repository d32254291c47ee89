import { spawn } from 'node:child_process'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { UPLOADS, WP_DIR } from '../fixtures/wordpress/plan'
import { launchChromium, watchPage } from './support/browser'
import { palabre } from './support/pages'
import { startPalabre, type Palabre } from './support/server'

/**
 * A real WordPress export (test/fixtures/wordpress/blog.xml) imported with
 * `npm run import:wordpress -- … --local` into a fresh blog while its `npm start` runs, then
 * read in Chromium: the post `npm start` republished by itself, its threads as WordPress had
 * them (ids kept, the author's replies four levels deep with the badge), nothing pending shown,
 * and an old permalink answered by a redirect. A blog of its own, so the shared one's pages stay
 * as the other tests expect them.
 */
describe.skipIf(!palabre())('a WordPress blog imported under npm start, read in Chromium', () => {
  let blog: Palabre
  let browser: Browser
  beforeAll(async () => {
    ;[blog, browser] = await Promise.all([startPalabre(), launchChromium()])
  }, 400_000)
  afterAll(async () => {
    await browser?.close()
    await blog?.stop()
  })

  /** Runs the import in the blog's copy, as its author would from the project folder. */
  function runImport(): Promise<{ code: number | null; output: string }> {
    const args = ['tsx', 'src/cli/import-wordpress.ts', path.join(WP_DIR, 'blog.xml'), '--local', '--uploads', UPLOADS, '--offline']
    return new Promise((resolve) => {
      const child = spawn('npx', args, { cwd: blog.dir, env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } })
      let output = ''
      child.stdout.on('data', (chunk) => (output += chunk))
      child.stderr.on('data', (chunk) => (output += chunk))
      child.on('close', (code) => resolve({ code, output }))
    })
  }

  /** `npm start` republishes when content/ changes; a hang guard, not a speed check. */
  async function waitFor(url: string): Promise<void> {
    for (let tries = 0; tries < 240; tries++) {
      if ((await fetch(url)).status === 200) return
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    throw new Error(`${url} never answered 200 after the import`)
  }

  it('shows the imported threads exactly, the author’s replies badged, and answers the old address', async () => {
    const imported = await runImport()
    expect(imported.code, imported.output).toBe(0)
    const post = `${blog.origin}/posts/le-tour-du-lac`
    await waitFor(post)

    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    const problems = watchPage(page)
    await page.goto(post)
    // WordPress's ids, nested as comment_parent had them: 2 ← 3 ← 4 ← 5, and 7 ← 8.
    await expect(page.locator('#comment-2 > ol.replies > #comment-3 > ol.replies > #comment-4 > ol.replies > #comment-5').count()).resolves.toBe(1)
    await expect(page.locator('#comment-7 > ol.replies > #comment-8').count()).resolves.toBe(1)
    for (const id of [3, 5, 8]) await expect(page.locator(`#comment-${id}`).getAttribute('class')).resolves.toContain('by-author')
    await expect(page.locator('#comment-2').getAttribute('class')).resolves.not.toContain('by-author')
    // The pending comment (9) is not public; the pingback was never imported.
    await expect(page.locator('#comment-9').count()).resolves.toBe(0)
    expect([...problems.console, ...problems.errors, ...problems.dialogs]).toEqual([])

    // The old permalink lands on the new address.
    const old = await fetch(`${blog.origin}/2016/03/14/le-tour-du-lac/`)
    expect(old.redirected).toBe(true)
    expect(new URL(old.url).pathname).toBe('/posts/le-tour-du-lac')
    await context.close()
  })
})
