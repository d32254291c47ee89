import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildIndex } from '../../src/cli/build-index'
import type { ContentFiles } from '../../src/cli/content-files'
import { imageSizeOf, readMediaSizes } from '../../src/cli/media-sizes'
import { parseContent, type ParsedContent } from '../../src/cli/parse-content'
import { loadContent, type Logger } from '../../src/cli/publish-content'
import { FIXTURE, FIXTURE_CONTENT_DIR } from '../fixtures/site'

// Tiny images, byte by byte: only the headers a size reader looks at.
const ascii = (text: string) => [...text].map((ch) => ch.charCodeAt(0))
const u16be = (n: number) => [n >> 8, n & 0xff]
const u16le = (n: number) => [n & 0xff, n >> 8]
const u24le = (n: number) => [n & 0xff, (n >> 8) & 0xff, n >> 16]
const u32be = (n: number) => [n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]
const u32le = (n: number) => u32be(n).reverse()
const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? ascii(part) : part)))

const png = (w: number, h: number) =>
  bytes([0x89], 'PNG\r\n\x1a\n', u32be(13), 'IHDR', u32be(w), u32be(h), [8, 6, 0, 0, 0], [0, 0, 0, 0])
const gif = (w: number, h: number) => bytes('GIF89a', u16le(w), u16le(h), [0x80, 0, 0])
const JFIF = [0xff, 0xe0, ...u16be(16), ...ascii('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]
/** A start-of-frame segment (0xc0 baseline, 0xc2 progressive) of a 3-component image. */
const sof = (marker: number, w: number, h: number) =>
  [0xff, marker, ...u16be(17), 8, ...u16be(h), ...u16be(w), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
const jpeg = (marker: number, w: number, h: number, app = JFIF) =>
  bytes([0xff, 0xd8], app, sof(marker, w, h), [0xff, 0xd9])
/** An APP1 Exif segment whose one IFD entry is Orientation (tag 0x0112, a SHORT). */
const exif = (orientation: number) => {
  const entry = [...u16be(0x0112), ...u16be(3), ...u32be(1), ...u16be(orientation), 0, 0]
  const tiff = [...ascii('MM'), 0, 42, ...u32be(8), ...u16be(1), ...entry, ...u32be(0)]
  const payload = [...ascii('Exif\0\0'), ...tiff]
  return [0xff, 0xe1, ...u16be(payload.length + 2), ...payload]
}
const riff = (chunk: string, data: number[]) =>
  bytes('RIFF', u32le(4 + 8 + data.length), 'WEBP', chunk, u32le(data.length), data)
const webpLossy = (w: number, h: number) => riff('VP8 ', [0x10, 0x02, 0x00, 0x9d, 0x01, 0x2a, ...u16le(w), ...u16le(h)])
const webpLossless = (w: number, h: number) => riff('VP8L', [0x2f, ...u32le((w - 1) | ((h - 1) << 14)), 0, 0, 0, 0, 0])
const webpExtended = (w: number, h: number) => riff('VP8X', [0x10, 0, 0, 0, ...u24le(w - 1), ...u24le(h - 1)])
const svg = (attributes: string) =>
  new TextEncoder().encode(`<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" ${attributes}><rect width="10" height="10"/></svg>`)

describe('imageSizeOf', () => {
  it('reads an SVG’s width and height attributes before its viewBox', () => {
    expect(imageSizeOf(svg('width="640" height="220" viewBox="0 0 64 22"'))).toEqual({ width: 640, height: 220 })
  })
  it('falls back to the SVG’s viewBox, scaled to a width given alone, and ignores percentages', () => {
    expect(imageSizeOf(svg('viewBox="0 0 300 150"'))).toEqual({ width: 300, height: 150 })
    expect(imageSizeOf(svg('width="320" viewBox="0 0 640 220"'))).toEqual({ width: 320, height: 110 })
    expect(imageSizeOf(svg('width="100%" height="100%" viewBox="0 0 48 32"'))).toEqual({ width: 48, height: 32 })
  })
  it('gives no size for an SVG that states none', () => {
    expect(imageSizeOf(svg('width="100%"'))).toBeNull()
  })
  it('reads PNG and GIF headers', () => {
    expect(imageSizeOf(png(1200, 630))).toEqual({ width: 1200, height: 630 })
    expect(imageSizeOf(gif(320, 200))).toEqual({ width: 320, height: 200 })
  })
  it('reads baseline (SOF0) and progressive (SOF2) JPEGs', () => {
    expect(imageSizeOf(jpeg(0xc0, 800, 600))).toEqual({ width: 800, height: 600 })
    expect(imageSizeOf(jpeg(0xc2, 1024, 768))).toEqual({ width: 1024, height: 768 })
  })
  it('swaps a JPEG’s sides when its EXIF orientation turns it a quarter, as browsers show it', () => {
    expect(imageSizeOf(jpeg(0xc0, 4000, 3000, exif(6)))).toEqual({ width: 3000, height: 4000 })
    expect(imageSizeOf(jpeg(0xc0, 4000, 3000, exif(3)))).toEqual({ width: 4000, height: 3000 })
  })
  it('reads lossy (VP8), lossless (VP8L) and extended (VP8X) WebP', () => {
    expect(imageSizeOf(webpLossy(550, 368))).toEqual({ width: 550, height: 368 })
    expect(imageSizeOf(webpLossless(386, 395))).toEqual({ width: 386, height: 395 })
    expect(imageSizeOf(webpExtended(2000, 1500))).toEqual({ width: 2000, height: 1500 })
  })
  it('gives no size for bytes that are no image, or an image of zero pixels', () => {
    expect(imageSizeOf(new TextEncoder().encode('%PDF-1.7 not an image'))).toBeNull()
    expect(imageSizeOf(new Uint8Array())).toBeNull()
    expect(imageSizeOf(png(0, 10))).toBeNull()
  })
})

describe('readMediaSizes', () => {
  const dirs: string[] = []
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))))

  it('reads each named file under media/ once, keys sorted, and warns about one it cannot size', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'palabre-media-'))
    dirs.push(dir)
    await mkdir(path.join(dir, 'media', 'photos', 'été'), { recursive: true })
    await writeFile(path.join(dir, 'media', 'photos', 'été', 'port.jpg'), jpeg(0xc2, 1600, 900))
    await writeFile(path.join(dir, 'media', 'b.png'), png(2, 3))
    await writeFile(path.join(dir, 'media', 'broken.png'), 'not really a png')
    const roots = ['/media/photos/été/port.jpg', '/media/broken.png', '/media/b.png', '/media/b.png']
    const { sizes, warnings } = await readMediaSizes(dir, roots)
    expect(Object.entries(sizes)).toEqual([
      ['/media/b.png', { width: 2, height: 3 }],
      ['/media/photos/été/port.jpg', { width: 1600, height: 900 }],
    ])
    expect(warnings).toEqual([
      'content/media/broken.png: its width and height could not be read (for an SVG, set width and height or a viewBox on <svg>); it is shown without a reserved size',
    ])
  })
})

type Posts = Record<string, { draft?: boolean; body: string }>

/** Content as `loadContent` makes it, from posts (slug → body) and the image sizes read. */
function content(posts: Posts, media: ParsedContent['media']): ParsedContent {
  const files: ContentFiles = {
    site: null,
    posts: Object.entries(posts).map(([slug, { draft = false, body }]) => ({
      path: `content/posts/${slug}.md`,
      text: `---\ntitle: ${slug}\ndate: 2026-01-01\ndraft: ${draft}\n---\n\n${body}\n`,
    })),
    media: ['/media/a.png', '/media/b.svg', '/media/c.pdf', '/media/d.gif'],
    ignored: [],
  }
  const result = parseContent(files)
  if (!result.ok) throw new Error(result.errors.join('\n'))
  return { ...result.content, media }
}

describe('image sizes in the content index', () => {
  const sizes = {
    '/media/a.png': { width: 10, height: 20 },
    '/media/b.svg': { width: 30, height: 40 },
    '/media/d.gif': { width: 5, height: 5 },
  }
  const posts: Posts = {
    shown: { body: '![a](/media/a.png) <img src="/media/b.svg" alt=""> [a pdf](/media/c.pdf)' },
    plain: { body: 'No pictures.' },
    secret: { draft: true, body: '![d](/media/d.gif)' },
  }
  const hash = (index: { posts: { slug: string; hash: string }[] }, slug: string) =>
    index.posts.find((post) => post.slug === slug)!.hash

  it('lists the images a post refers to, and no other media', () => {
    const parsed = content(posts, undefined)
    expect(parsed.posts.find((post) => post.meta.slug === 'shown')!.images).toEqual(['/media/a.png', '/media/b.svg'])
  })
  it('keeps the sizes of the images that indexed posts show, and not those of left-out drafts', () => {
    expect(buildIndex(content(posts, sizes), { drafts: false }).index.media).toEqual({
      '/media/a.png': { width: 10, height: 20 },
      '/media/b.svg': { width: 30, height: 40 },
    })
    expect(buildIndex(content(posts, sizes), { drafts: true }).index.media).toEqual(sizes)
  })
  it('changes the hash of a post whose image was resized, and no other', () => {
    const before = buildIndex(content(posts, sizes), { drafts: false }).index
    const resized = { ...sizes, '/media/a.png': { width: 11, height: 20 } }
    const after = buildIndex(content(posts, resized), { drafts: false }).index
    expect(hash(after, 'shown')).not.toBe(hash(before, 'shown'))
    expect(hash(after, 'plain')).toBe(hash(before, 'plain'))
    expect(after.version).not.toBe(before.version)
  })
  it('keeps the hash of a post without known images as it was before sizes were indexed', () => {
    const withSizes = buildIndex(content(posts, sizes), { drafts: false }).index
    const without = buildIndex(content(posts, undefined), { drafts: false }).index
    expect(hash(withSizes, 'plain')).toBe(hash(without, 'plain'))
    expect('media' in without).toBe(false)
  })
})

describe('the engine’s fixture content (test/fixtures/content/)', () => {
  it('indexes the size of the figure in its post, and not the favicon, and warns about nothing', async () => {
    const lines: string[] = []
    const log: Logger = { info: () => {}, warn: (line) => lines.push(line), error: (line) => lines.push(line) }
    const parsed = await loadContent(FIXTURE_CONTENT_DIR, log)
    expect(lines).toEqual([])
    const { index } = buildIndex(parsed!, { drafts: false })
    const { path: figure, width, height } = FIXTURE.figure
    expect(index.media?.[figure]).toEqual({ width, height })
    expect(Object.keys(index.media ?? {})).not.toContain('/media/favicon.svg')
  })
})
