import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { resultPath } from '../e2e/support/browser'
import type { PalabreUnderTest } from '../e2e/support/features'
import { palabre } from '../e2e/support/pages'
import { collectPages, type FetchedPage } from './collect-pages'

const VNU_JAR = path.join(path.dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar')

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error'
  subType?: string
  url: string
  message: string
  extract?: string
  lastLine?: number
}

/**
 * Fetches every page type, then checks them all in ONE run of the Nu HTML Checker (the JVM takes
 * seconds to start). Its whole report goes to test-results/e2e/vnu.json.
 */
async function validate(app: PalabreUnderTest): Promise<{ pages: FetchedPage[]; messages: Map<string, VnuMessage[]> }> {
  const pages = await collectPages(app)
  const dir = await mkdtemp(path.join(os.tmpdir(), 'palabre-vnu-'))
  try {
    const files = pages.map((page) => path.join(dir, `${page.name}.html`))
    await Promise.all(pages.map((page, i) => writeFile(files[i]!, page.html)))
    // vnu exits 1 when it finds errors: its report is on stdout either way.
    const run = promisify(execFile)('java', ['-jar', VNU_JAR, '--format', 'json', '--stdout', ...files], { maxBuffer: 64 << 20 })
    const { stdout } = await run.catch((err: { stdout?: string; message: string }) => {
      if (!err.stdout) throw new Error(`the Nu HTML Checker did not run: ${err.message}`)
      return { stdout: err.stdout }
    })
    const report = JSON.parse(stdout) as { messages: VnuMessage[] }
    await writeFile(resultPath('vnu.json'), JSON.stringify({ pages: pages.map(({ name, url, status }) => ({ name, url, status })), ...report }, null, 2))
    const messages = new Map(pages.map((page) => [page.name, [] as VnuMessage[]]))
    for (const message of report.messages) messages.get(path.basename(new URL(message.url).pathname, '.html'))?.push(message)
    return { pages, messages }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const app = palabre()
const checked = app ? await validate(app) : undefined

describe.skipIf(!checked)('every page type passes the Nu HTML Checker', () => {
  const expectedStatus: Record<string, number> = { 'not-found': 404, 'form-with-errors': 422, 'admin-sign-in-refused': 401 }
  for (const page of checked?.pages ?? []) {
    it(`${page.name} (${page.status} ${new URL(page.url).pathname}) has no error`, () => {
      expect(page.status).toBe(expectedStatus[page.name.replace(/^themed-/, '')] ?? 200)
      const errors = checked!.messages
        .get(page.name)!
        .filter((m) => m.type !== 'info')
        .map((m) => `line ${m.lastLine}: ${m.message} ${JSON.stringify(m.extract ?? '')}`)
      expect(errors).toEqual([])
    })
  }

  it('checked the pages a reader, a commenter and the author meet', () => {
    const names = checked!.pages.map((page) => page.name)
    expect(names).toEqual(expect.arrayContaining(['home', 'post', 'post-fr', 'tag', 'not-found']))
    if (app!.features.commentForm) expect(names).toEqual(expect.arrayContaining(['form-with-errors', 'held-comment']))
    if (app!.features.admin) expect(names).toEqual(expect.arrayContaining(['admin-sign-in', 'admin-dashboard']))
  })

  it('checked the reading pages with a logo, profile links and the theme stylesheet too', () => {
    const themed = checked!.pages.filter((page) => page.name.startsWith('themed-'))
    expect(themed.map((page) => page.name)).toEqual(expect.arrayContaining(['themed-home', 'themed-post', 'themed-not-found']))
    for (const page of themed) {
      expect(page.html, page.name).toMatch(/<img class="site-logo" src="\/media\/logo\.svg" alt="" width="96" height="32"\/>/)
      expect(page.html, page.name).toMatch(/<link rel="stylesheet" href="\/theme\/[0-9a-f]{16}\.css"\/>/)
      expect(page.html, page.name).toContain('rel="me"')
    }
  })
})
