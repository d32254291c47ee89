import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, newReader, resultPath, watchPage } from './support/browser'
import { submitCommentForm, submitInvalidForm, unique } from './support/comments'
import { MISSING, THREAD_SLUG } from './support/features'
import { PAGE_TYPES, palabre, server, THEMED_PAGE_TYPES, themedOrigin } from './support/pages'

const AXE_SOURCE: string = createRequire(import.meta.url)('axe-core').source

interface Violation {
  id: string
  impact: string | null
  help: string
  nodes: { target: unknown[]; failureSummary?: string }[]
}

const found: Record<string, Violation[]> = {}

/**
 * Runs axe-core in the page (evaluated over CDP, which the page's CSP does not govern) and
 * returns its violations; every one is written to test-results/e2e/axe.json for the record.
 */
async function axe(page: Page, label: string): Promise<Violation[]> {
  await page.evaluate(AXE_SOURCE)
  const result = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as { violations: Violation[] }
  found[label] = result.violations
  return result.violations
}

const serious = (violations: Violation[]) =>
  violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`)

describe.skipIf(!palabre())('accessibility of every page type (axe-core)', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    writeFileSync(resultPath('axe.json'), JSON.stringify(found, null, 2))
  })

  for (const scheme of ['light', 'dark'] as const) {
    for (const type of PAGE_TYPES) {
      it(`finds no serious or critical violation on ${type.name} (${type.path}) in ${scheme} mode`, async ({ skip }) => {
        if (type.needs) skip(!server().features[type.needs], MISSING[type.needs])
        const context = await browser.newContext({ colorScheme: scheme })
        const page = await context.newPage()
        await page.goto(server().origin + type.path, { waitUntil: 'load' })
        expect(serious(await axe(page, `${type.name} ${scheme}`))).toEqual([])
        await context.close()
      })
    }
  }

  // The themed fixture: a logo, an accent, a footer, profile links and a theme.css.
  for (const scheme of ['light', 'dark'] as const) {
    for (const type of THEMED_PAGE_TYPES) {
      it(`finds no serious or critical violation on the themed ${type.name} (${type.path}) in ${scheme} mode`, async ({ skip }) => {
        skip(!themedOrigin(), 'no themed instance')
        const context = await browser.newContext({ colorScheme: scheme })
        const page = await context.newPage()
        const problems = watchPage(page)
        await page.goto(themedOrigin() + type.path, { waitUntil: 'load' })
        // The theme stylesheet loaded under the CSP: the accent it sets is the one in use.
        const accent = await page.evaluate('getComputedStyle(document.documentElement).getPropertyValue("--accent").trim()')
        if (scheme === 'light') expect(accent).toBe('#b4361c')
        else expect(accent).toMatch(/^#[0-9a-f]{6}$/)
        expect(serious(await axe(page, `themed ${type.name} ${scheme}`))).toEqual([])
        // Chromium reports the 404 page's own status as a failed load; that one is expected.
        const own404 = `error at ${themedOrigin()}${type.path}: Failed to load resource: the server responded with a status of 404 (Not Found)`
        expect(problems.console.filter((line) => type.status !== 404 || line !== own404)).toEqual([])
        await context.close()
      })
    }
  }

  it('finds none on the form shown again with errors, nor on the poster’s view of a held comment', async ({ skip }) => {
    skip(!server().features.commentForm, MISSING.commentForm)
    const context = await newReader(browser)
    const page = await context.newPage()
    await page.goto(`${server().origin}/posts/${THREAD_SLUG}`)
    expect(await submitInvalidForm(page, { author: 'Ola', email: 'not-an-email', body: 'Some text' })).toBe(422)
    await expect(page.locator('#comment-email-error').count()).resolves.toBe(1)
    expect(serious(await axe(page, 'form with errors'))).toEqual([])

    await page.goto(`${server().origin}/posts/${THREAD_SLUG}`)
    const landing = await submitCommentForm(page, { author: 'Ola', body: unique('Held for the accessibility check') })
    expect(landing.held).toBe(true)
    expect(serious(await axe(page, 'held comment'))).toEqual([])
    await context.close()
  })

  it('finds none on the reply page nor on the author’s moderation dashboard', async ({ skip }) => {
    skip(server().thread.length === 0, MISSING.commentApi)
    skip(!server().features.admin, MISSING.admin)
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${server().origin}/posts/${THREAD_SLUG}/comments/${server().thread[1]}/reply`)
    expect(serious(await axe(page, 'reply page'))).toEqual([])
    await page.goto(`${server().origin}/admin`)
    await page.locator('input[name=token]').fill(server().adminToken)
    await Promise.all([page.waitForURL(`${server().origin}/admin`), page.locator('form[action="/admin/login"] button').click()])
    await expect(page.locator('#queue-title').count()).resolves.toBe(1)
    expect(serious(await axe(page, 'admin dashboard'))).toEqual([])
    await context.close()
  })
})
