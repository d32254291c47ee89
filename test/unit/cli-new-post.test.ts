import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readContentFiles } from '../../src/cli/content-files'
import { createPost } from '../../src/cli/new-post'
import { parseContent } from '../../src/cli/parse-content'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'palabre-new-'))
  await mkdir(path.join(dir, 'posts'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

// 23:30 UTC on 14 March is already the 15th in Paris and still the 14th in New York.
const now = new Date('2026-03-14T23:30:00Z')
const site = (timeZone: string) => writeFile(path.join(dir, 'site.yaml'), `timeZone: ${timeZone}\n`)

describe('createPost', () => {
  it('writes a draft named after the title, dated today in the site’s time zone, that publishing accepts', async () => {
    await site('Europe/Paris')
    const result = await createPost({ contentDir: dir, title: '  Pourquoi je modère à la main: 2026  ', now })
    expect(result).toEqual({ ok: true, path: 'content/posts/pourquoi-je-modère-à-la-main-2026.md', slug: 'pourquoi-je-modère-à-la-main-2026' })
    const text = await readFile(path.join(dir, 'posts', 'pourquoi-je-modère-à-la-main-2026.md'), 'utf8')
    expect(text).toBe('---\ntitle: "Pourquoi je modère à la main: 2026"\ndate: 2026-03-15\ndraft: true\n---\n\n')
    const parsed = parseContent(await readContentFiles(dir))
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
    expect(parsed.content.posts[0]!.meta).toMatchObject({ title: 'Pourquoi je modère à la main: 2026', draft: true, date: '2026-03-14T23:00:00.000Z' })
  })

  it('reads the date in the site’s zone, UTC when there is no site.yaml', async () => {
    expect(await createPost({ contentDir: dir, title: 'A', now })).toMatchObject({ ok: true })
    expect(await readFile(path.join(dir, 'posts', 'a.md'), 'utf8')).toContain('date: 2026-03-14\n')
    await site('America/New_York')
    await createPost({ contentDir: dir, title: 'B', now })
    expect(await readFile(path.join(dir, 'posts', 'b.md'), 'utf8')).toContain('date: 2026-03-14\n')
  })

  it('quotes a title YAML would read as something else', async () => {
    await createPost({ contentDir: dir, title: '1984', now })
    const parsed = parseContent(await readContentFiles(dir))
    expect(parsed.ok && parsed.content.posts[0]!.meta.title).toBe('1984')
  })

  it('refuses to overwrite an existing post, and leaves it untouched', async () => {
    await writeFile(path.join(dir, 'posts', 'hello.md'), 'mine')
    expect(await createPost({ contentDir: dir, title: 'Hello!', now })).toEqual({
      ok: false,
      errors: ['content/posts/hello.md already exists: edit it, or choose another title'],
    })
    expect(await readFile(path.join(dir, 'posts', 'hello.md'), 'utf8')).toBe('mine')
  })

  it('refuses a title with no letter or digit, and an invalid site.yaml, writing nothing', async () => {
    expect(await createPost({ contentDir: dir, title: '🎉 !', now })).toMatchObject({ ok: false })
    await writeFile(path.join(dir, 'site.yaml'), 'timeZone: Mars/Olympus\n')
    expect(await createPost({ contentDir: dir, title: 'Fine', now })).toEqual({
      ok: false,
      errors: ['content/site.yaml: timeZone: "Mars/Olympus" is not an IANA time zone (use a name such as Europe/Paris, America/New_York or UTC)'],
    })
    expect((await readContentFiles(dir)).posts).toEqual([])
  })
})
