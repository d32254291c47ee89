import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { app } from '../../src/app'
import type { ContentIndex } from '../../src/content/types'
import { seedContent, type PostFixture } from '../fixtures/content'

let hosts = 0
/** A host of its own per test: the Cache API is shared by every test of the run. */
const origin = () => `https://pages-post-images-${++hosts}-${Date.now()}.test`

const MARKDOWN = [
  'How a request travels:',
  '![A reader’s request goes to the edge cache](/media/request-path.svg)',
  'And a photo further down:',
  '![The harbour](/media/harbour.jpg)',
].join('\n\n')

/** Seeds `posts` with the image sizes the publish tool reads, as `npm run content:publish` writes them. */
async function seedWithMedia(posts: PostFixture[], media: ContentIndex['media']): Promise<void> {
  await seedContent(env.CONTENT, posts, {}, media)
}

const images = (html: string) => html.match(/<img\b[^>]*>/g) ?? []

describe('images on a post’s page', () => {
  it('carry the width and height the index knows, and only the first loads at once', async () => {
    await seedWithMedia(
      [{ slug: 'sized-images', title: 'Sized images', markdown: MARKDOWN }],
      { '/media/request-path.svg': { width: 640, height: 220 }, '/media/harbour.jpg': { width: 1600, height: 900 } },
    )
    const res = await exports.default.fetch(`${origin()}/posts/sized-images`)
    expect(res.status).toBe(200)
    expect(images(await res.text())).toEqual([
      '<img src="/media/request-path.svg" alt="A reader’s request goes to the edge cache" width="640" height="220" decoding="async">',
      '<img src="/media/harbour.jpg" alt="The harbour" width="1600" height="900" loading="lazy" decoding="async">',
    ])
  })

  it('render without a size when the index has none (published before sizes were read)', async () => {
    await seedContent(env.CONTENT, [{ slug: 'unsized-images', title: 'Unsized images', markdown: MARKDOWN }])
    const html = await (await exports.default.fetch(`${origin()}/posts/unsized-images`)).text()
    expect(images(html)).toHaveLength(2)
    expect(images(html).some((tag) => tag.includes('width='))).toBe(false)
  })

  it('carry their size in the author’s preview of a draft too', async () => {
    await seedWithMedia(
      [{ slug: 'sized-draft', title: 'Sized draft', draft: true, markdown: MARKDOWN }],
      { '/media/request-path.svg': { width: 640, height: 220 } },
    )
    const ctx = createExecutionContext()
    const res = await app.fetch(new Request(`${origin()}/posts/sized-draft`), { ...env, DRAFTS: 'preview' }, ctx)
    await waitOnExecutionContext(ctx)
    expect(res.status).toBe(200)
    expect(images(await res.text())[0]).toContain('width="640" height="220"')
  })
})
