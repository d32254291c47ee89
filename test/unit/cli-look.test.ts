import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildIndex } from '../../src/cli/build-index'
import type { ContentFiles } from '../../src/cli/content-files'
import { embedWarnings, iframeSources } from '../../src/cli/embed-check'
import { MAX_THEME_BYTES } from '../../src/cli/look-files'
import { parseContent, type ParseResult } from '../../src/cli/parse-content'
import { planPublish } from '../../src/cli/plan'
import { buildSiteStylesheet } from '../../src/cli/published-look'
import { loadContent } from '../../src/cli/publish-content'
import { stylesheetHash } from '../../src/urls/paths'

const post = (text: string) => ({ path: 'content/posts/p.md', text: `---\ntitle: P\ndate: 2026-01-01\n---\n\n${text}\n` })

function files(site: string, more: Partial<ContentFiles> = {}): ContentFiles {
  return { site: { path: 'content/site.yaml', text: site }, posts: [post('Text.')], media: [], ignored: [], ...more }
}

function ok(result: ParseResult) {
  if (!result.ok) throw new Error(result.errors.join('\n'))
  return result
}

describe('the logo at publish', () => {
  it('is an error when its file is not in content/media/, naming the file and the field', () => {
    const result = parseContent(files('logo: /media/logo.svg'))
    expect(result.ok || result.errors).toEqual([
      'content/site.yaml: logo: "/media/logo.svg" is not a file in content/media/ (add the file or fix the path)',
    ])
    expect(ok(parseContent(files('logo: /media/logo.svg', { media: ['/media/logo.svg'] }))).content.site.logo).toEqual({ src: '/media/logo.svg' })
  })

  it('gets the width and height read from its file, like post images', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'palabre-logo-'))
    try {
      await mkdir(path.join(dir, 'media'))
      await writeFile(path.join(dir, 'site.yaml'), 'logo: /media/logo.svg\n')
      await writeFile(path.join(dir, 'media/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"></svg>')
      const log = { info() {}, warn() {}, error: (line: string) => { throw new Error(line) } }
      const content = (await loadContent(dir, log))!
      expect(buildIndex(content, { drafts: false }).index.site.logo).toEqual({ src: '/media/logo.svg', width: 120, height: 40 })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('the site stylesheet', () => {
  it('is the accent in both schemes, then theme.css as written', () => {
    const css = buildSiteStylesheet({ light: '#c2410c', dark: '#e66236' }, '.site-title{letter-spacing:.1em}')
    expect(css).toBe(
      '/* accent: from site.yaml */\n:root{--accent:#c2410c}\n@media (prefers-color-scheme:dark){:root{--accent:#e66236}}\n\n/* content/theme.css */\n.site-title{letter-spacing:.1em}\n',
    )
    expect(buildSiteStylesheet(undefined, '  \n')).toBe('')
  })

  it('is stored under the hash its URL names, and only when there is an accent or a theme', () => {
    const plain = buildIndex(ok(parseContent(files('title: T'))).content, { drafts: false })
    expect(plain.index.site.stylesheet).toBeUndefined()
    const themed = buildIndex(ok(parseContent(files('accent: "#c2410c"', { theme: { path: 'content/theme.css', text: 'a{}' } }))).content, { drafts: false })
    const hash = stylesheetHash(themed.index.site.stylesheet!)
    expect(themed.index.site.stylesheet).toMatch(/^\/theme\/[0-9a-f]{16}\.css$/)
    expect(themed.bodies.get(`stylesheet:${hash}`)).toContain('--accent:#c2410c')
    expect(themed.bodies.get(`stylesheet:${hash}`)).toContain('a{}')
  })

  it('gets a new URL when theme.css changes; the publish writes the new one and deletes the old', () => {
    const build = (css: string) => buildIndex(ok(parseContent(files('title: T', { theme: { path: 'content/theme.css', text: css } }))).content, { drafts: false })
    const before = build('a{color:red}')
    const after = build('a{color:green}')
    expect(after.index.site.stylesheet).not.toBe(before.index.site.stylesheet)
    const key = (built: typeof before) => `stylesheet:${stylesheetHash(built.index.site.stylesheet!)}`
    const plan = planPublish(before.index, after)
    expect(plan.puts.map((put) => put.key)).toContain(key(after))
    expect(plan.deletes).toEqual([key(before)])
    expect(plan.siteChanged).toBe(true)
    expect(planPublish(after.index, after).unchanged).toBe(true)
  })

  it('refuses a theme.css too large to send before every first page', () => {
    const theme = { path: 'content/theme.css', text: 'a{}'.repeat(MAX_THEME_BYTES / 3 + 1) }
    const result = parseContent(files('title: T', { theme }))
    expect(result.ok || result.errors).toEqual([expect.stringMatching(/^content\/theme\.css: is 257 KiB; a theme may have at most 256 KiB/)])
  })
})

describe('embeds at publish', () => {
  it('finds the iframes of the post’s HTML, not those shown as code', () => {
    expect(iframeSources('<iframe src="https://a.example/x"></iframe>\n\n```html\n<iframe src="https://b.example"></iframe>\n```\n\n<p><iframe src=\'//c.example/v\'></iframe></p>')).toEqual([
      'https://a.example/x',
      '//c.example/v',
    ])
  })

  it('warns of an iframe from an origin embeds: does not list, and of none that it lists', () => {
    const markdown = '<iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>\n\n<iframe src="https://evil.example/page"></iframe>\n\n<iframe src="/media/demo.html"></iframe>'
    expect(embedWarnings('content/posts/p.md', markdown, ['https://www.youtube-nocookie.com'])).toEqual([
      'content/posts/p.md: an <iframe> from https://evil.example is not allowed by embeds: in site.yaml, so browsers will block it (add its host to embeds: if you trust it, such as embeds: [evil.example])',
      'content/posts/p.md: an <iframe> from "/media/demo.html" is not allowed by embeds: in site.yaml, so browsers will block it (add its host to embeds: if you trust it, such as embeds: [www.youtube-nocookie.com])',
    ])
    const result = ok(parseContent(files('embeds: [player.vimeo.com]', { posts: [post('<iframe src="https://player.vimeo.com/video/1"></iframe>\n\n<iframe src="https://x.example/"></iframe>')] })))
    expect(result.warnings).toEqual([expect.stringMatching(/^content\/posts\/p\.md: an <iframe> from https:\/\/x\.example is not allowed/)])
    // Kept as written: the CSP blocks it, the author's HTML is not rewritten.
    const built = buildIndex(result.content, { drafts: false })
    expect([...built.bodies.values()].join('')).toContain('<iframe src="https://x.example/"></iframe>')
  })
})
