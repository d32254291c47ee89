import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ImportRefused, importWordPress } from '../../src/cli/import/run'
import { readWxr, readWxrFile, WxrError } from '../../src/cli/import/wxr-read'
import { BLOG_XML, planFixture, UPLOADS } from '../fixtures/wordpress/plan'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

/** A blog of its own: a content/ with the engine's fixture site, and a file to import. */
function blog(xml: string): { content: string; file: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'palabre-wp-test-'))
  dirs.push(dir)
  cpSync(path.resolve(import.meta.dirname, '../fixtures/content'), path.join(dir, 'content'), { recursive: true })
  writeFileSync(path.join(dir, 'export.xml'), xml)
  return { content: path.join(dir, 'content'), file: path.join(dir, 'export.xml') }
}

const listing = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort()

/** An import that must refuse before it asks wrangler anything (no `target` is ever reached). */
async function refusal(xml: string, prepare?: (content: string) => void): Promise<{ error: Error; before: string[]; after: string[] }> {
  const { content, file } = blog(xml)
  prepare?.(content)
  const before = listing(content)
  const error = await importWordPress({ file, contentDir: content, uploads: UPLOADS, dryRun: false, target: { local: true, cwd: '/nonexistent' }, progress: () => {} }).then(
    () => new Error('imported'),
    (err: Error) => err,
  )
  return { error, before, after: listing(content) }
}

describe('bad input', () => {
  it('names the line and column of a truncated export, and writes nothing', async () => {
    const cut = BLOG_XML.slice(0, BLOG_XML.indexOf('<wp:comment_id>5</wp:comment_id>'))
    const { error, before, after } = await refusal(cut)
    expect(error).toBeInstanceOf(WxrError)
    expect(error.message).toMatch(/^line \d+, column \d+: unclosed tag: wp:comment/)
    expect((error as WxrError).line).toBe(cut.split('\n').length)
    expect(after).toEqual(before)
  })

  it('names the line and column of malformed XML', () => {
    const broken = BLOG_XML.replace('<wp:post_id>4</wp:post_id>', '<wp:post_id>4 & 5</wp:post_id>')
    const line = broken.slice(0, broken.indexOf('4 & 5')).split('\n').length
    expect(() => readWxr(broken)).toThrow(new RegExp(`^line ${line}, column 17: .*a bare "&"`))
  })

  it('refuses a file that is not a WordPress export, saying what it is', () => {
    expect(() => readWxr('<html><body>Hello</body></html>')).toThrow(/not a WordPress export: its root element is <html>/)
    expect(() => readWxr('<rss version="2.0"><channel><title>A feed</title></channel></rss>')).toThrow(/an RSS feed, not a WordPress export/)
    expect(() => readWxr('Just text')).toThrow(/^line 1, column \d+: /)
  })

  it('reads the export as a stream', async () => {
    const { file } = blog(BLOG_XML)
    const counts: number[] = []
    const doc = await readWxrFile(file, (n) => counts.push(n))
    expect(doc.items).toHaveLength(16)
    expect(counts.at(-1)).toBe(16)
  })

  it('refuses to overwrite another post\'s file, names it, and writes nothing', async () => {
    const { error, before, after } = await refusal(BLOG_XML, (content) =>
      writeFileSync(path.join(content, 'posts', 'le-tour-du-lac.md'), '---\ntitle: Something else\ndate: 2020-01-01\n---\n\nMine.\n'),
    )
    expect(error).toBeInstanceOf(ImportRefused)
    expect(error.message).toContain('content/posts/le-tour-du-lac.md is another post ("Something else"): importing "Le tour du lac" (WordPress post 4) would overwrite it')
    expect(after).toEqual(before)
  })

  it('refuses to replace a media file with other bytes', async () => {
    const { error, after, before } = await refusal(BLOG_XML, (content) => {
      mkdirSync(path.join(content, 'media', '2016', '03'), { recursive: true })
      writeFileSync(path.join(content, 'media', '2016', '03', 'pont.png'), 'another picture')
    })
    expect(error.message).toContain('content/media/2016/03/pont.png is already there with other bytes')
    expect(after).toEqual(before)
  })
})

describe('files imported again', () => {
  it('are the same, byte for byte, so nothing is written twice', () => {
    const first = planFixture()
    const existing = Object.fromEntries(first.files.map((f) => [f.path, f.text]))
    const again = planFixture({ existing })
    expect(again.files.every((f) => f.state === 'same')).toBe(true)
    expect(again.errors).toEqual([])
  })

  it('keep the author\'s edits of an imported post', () => {
    const first = planFixture()
    const tour = first.files.find((f) => f.slug === 'le-tour-du-lac')!
    const again = planFixture({ existing: { [tour.path]: tour.text.replace('Le matin', 'Ce matin-là') } })
    expect(again.files.find((f) => f.slug === 'le-tour-du-lac')!.state).toBe('kept')
    expect(again.errors).toEqual([])
  })

  it('never write a post that publish would refuse', () => {
    // Publish's own rule: a /media/ path in the text must be a file of content/media/.
    const bad = planFixture({ xml: BLOG_XML.replace('Puis le soleil est venu.', 'Puis le soleil est venu. <img src="/media/logo.png" alt="logo">') })
    expect(bad.errors).toEqual([
      'content/posts/le-tour-du-lac.md: the text refers to /media/logo.png, which is not a file in content/media/ (add the file or fix the link)',
    ])
  })
})
