import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core'
import { CHROMIUM, CHROMIUM_FLAGS } from './tools'

/** Screenshots and reports: git-ignored, kept by CI as artifacts. */
export const RESULTS_DIR = path.resolve(import.meta.dirname, '../../../test-results')

/** Debian's Chromium, headless, offline flags; each launch gets a fresh profile from Playwright. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS })
}

/**
 * A browser context for one reader, with an address of its own: the comment rate limit is per
 * client IP, and `wrangler dev` takes CF-Connecting-IP from the request, so readers of different
 * tests never share a budget (in production Cloudflare sets that header itself).
 */
export function newReader(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const ip = `2001:db8::${randomBytes(6).toString('hex').match(/..../g)!.join(':')}` // documentation prefix
  return browser.newContext({ ...options, extraHTTPHeaders: { ...options.extraHTTPHeaders, 'CF-Connecting-IP': ip } })
}

/** What a page did wrong while a test used it. */
export interface PageProblems {
  /** Console errors and warnings, CSP violations included ("Refused to …"). */
  console: string[]
  /** Uncaught exceptions in the page's scripts. */
  errors: string[]
  /** alert(), confirm() or prompt() calls: each one means injected script ran. */
  dialogs: string[]
}

/** Records every problem `page` reports from now on; dialogs are dismissed so the page goes on. */
export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = { console: [], errors: [], dialogs: [] }
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.console.push(`${message.type()} at ${page.url()}: ${message.text()}`)
    }
  })
  page.on('pageerror', (error) => problems.errors.push(`${page.url()}: ${error.message}`))
  page.on('dialog', (dialog) => {
    problems.dialogs.push(`${dialog.type()}("${dialog.message()}") at ${page.url()}`)
    void dialog.dismiss().catch(() => {})
  })
  return problems
}

/** The path of `file` under test-results/e2e/, its folder created. */
export function resultPath(file: string): string {
  const dir = path.join(RESULTS_DIR, 'e2e')
  mkdirSync(dir, { recursive: true })
  return path.join(dir, file)
}
