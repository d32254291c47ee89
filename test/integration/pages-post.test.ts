import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { app } from '../../src/app'
import { postCopyKey, postCopyValue, postKey } from '../../src/content/keys'
import { seedContent } from '../fixtures/content'
import { failingKv } from '../fixtures/failing-kv'
import { expectErrorsLogged } from '../fixtures/logged-errors'

let hosts = 0
/** A host of its own per test: the Cache API is shared by every test of the run. */
const origin = () => `https://pages-post-${++hosts}-${Date.now()}.test`
const get = (url: string) => exports.default.fetch(new Request(url, { redirect: 'manual' }))

/** The Worker's app with `DRAFTS = "preview"`, as `npm start` runs it for the author. */
async function getAsAuthor(url: string): Promise<Response> {
  const ctx = createExecutionContext()
  const res = await app.fetch(new Request(url), { ...env, DRAFTS: 'preview' }, ctx)
  await waitOnExecutionContext(ctx)
  return res
}

const DAY = 86_400_000
const yesterday = () => new Date(Date.now() - DAY).toISOString()
const tomorrow = () => new Date(Date.now() + DAY).toISOString()

const FRENCH = 'Il a dit «\u00a0bonjour\u00a0»\u202f! 🎉 Voilà l’été, déjà.'

describe('GET /posts/<slug>', () => {
  it('renders the post as UTF-8 HTML with its head: canonical, OpenGraph, JSON-LD', async () => {
    await seedContent(env.CONTENT, [
      {
        slug: 'hello',
        title: 'Hello world',
        summary: 'A first post.',
        tags: ['Intro'],
        image: '/media/hello.png',
        date: '2026-03-14T23:30:00.000Z',
        markdown: '## First steps\n\nSee [the docs](https://docs.example/x).',
      },
    ], { timeZone: 'Europe/Paris' })
    const res = await get(`${origin()}/posts/hello`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=UTF-8')
    const html = await res.text()
    expect(html).toContain('<h1>Hello world</h1>')
    expect(html).toContain('<time datetime="2026-03-14T23:30:00.000Z">March 15, 2026</time>')
    expect(html).toContain('<h2 id="first-steps">First steps</h2><a class="anchor" href="#first-steps"')
    expect(html).toContain('<a href="https://docs.example/x" rel="noopener">the docs</a>')
    expect(html).toContain('<a href="/tags/intro" rel="tag">Intro</a>')
    expect(html).toContain('<link rel="canonical" href="https://blog.example/posts/hello"/>')
    expect(html).toContain('<meta property="og:title" content="Hello world"/>')
    expect(html).toContain('<meta property="og:image" content="https://blog.example/media/hello.png"/>')
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? 'null')
    expect(ld).toMatchObject({ '@type': 'BlogPosting', headline: 'Hello world', url: 'https://blog.example/posts/hello' })
  })

  it('keeps French typography and emoji intact from KV to the reader', async () => {
    await seedContent(env.CONTENT, [
      { slug: 'l-été', title: `«\u00a0Été\u00a0» 🎉`, lang: 'fr', date: yesterday(), markdown: FRENCH },
    ])
    const res = await get(`${origin()}/posts/${encodeURIComponent('l-été')}`)
    expect(res.status).toBe(200)
    const bytes = new Uint8Array(await res.arrayBuffer())
    const html = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
    expect(html).toContain(`<p>${FRENCH}</p>`)
    expect(html).toContain(`<title>«\u00a0Été\u00a0» 🎉 – Palabre</title>`)
    expect(html).toContain('<html lang="fr">')
    expect(html).toContain('Publié le')
  })

  describe('when KV fails to read the post copy', () => {
    expectErrorsLogged(/reading the post copy failed/)
    it('still serves the post, from the body the index names, and caches it', async () => {
      await seedContent(env.CONTENT, [{ slug: 'copy-fails', title: 'Copy fails', date: yesterday(), markdown: 'Still here.' }])
      // A fault of the KV binding itself: every read of a copy rejects, the rest is the real KV.
      const failing = failingKv(env.CONTENT, 'KV unavailable', (key) => key.startsWith('post-copy:'))
      const ctx = createExecutionContext()
      const res = await app.fetch(new Request(`${origin()}/posts/copy-fails`), { ...env, CONTENT: failing }, ctx)
      await waitOnExecutionContext(ctx)
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('<p>Still here.</p>')
      expect(res.headers.get('Cache-Control')).not.toContain('no-store')
    })
  })

  it('redirects a slug that arrives in decomposed Unicode (NFD) to its one URL', async () => {
    await seedContent(env.CONTENT, [{ slug: 'café', title: 'Café', date: yesterday() }])
    const base = origin()
    const res = await get(`${base}/posts/${encodeURIComponent('café'.normalize('NFD'))}`)
    expect(res.status).toBe(301)
    expect(res.headers.get('Location')).toBe('/posts/caf%C3%A9')
    expect((await get(base + res.headers.get('Location'))).status).toBe(200)
  })

  // CACHEABILITY (edge-cache middleware): a public post is cacheable, so it is not sent no-store.
  it('is cacheable at the edge', async () => {
    await seedContent(env.CONTENT, [{ slug: 'cache-me', title: 'Cache me', date: yesterday() }])
    const res = await get(`${origin()}/posts/cache-me`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).not.toContain('no-store')
  })

  it('answers the styled 404 page, never cached, for a slug that does not exist', async () => {
    await seedContent(env.CONTENT, [{ slug: 'exists', title: 'Exists', date: yesterday() }])
    const res = await get(`${origin()}/posts/does-not-exist`)
    expect(res.status).toBe(404)
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=UTF-8')
    // CACHEABILITY (edge-cache middleware): a 404 is never cached.
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const html = await res.text()
    expect(html).toContain('<h1>Page not found</h1>')
    expect(html).toContain('<a href="/">Back to the home page</a>')
  })

  it('answers 404, not 500, when the index lists a post whose body is missing from KV', async () => {
    const index = await seedContent(env.CONTENT, [{ slug: 'vanished', title: 'Vanished', date: yesterday() }])
    await env.CONTENT.delete(postKey(index.posts[0]!))
    await env.CONTENT.delete(postCopyKey('vanished')!)
    const res = await get(`${origin()}/posts/vanished`)
    expect(res.status).toBe(404)
    expect(await res.text()).toContain('<h1>Page not found</h1>')
  })

  // The copy a post's page reads with the index (src/content/keys.ts, `postCopyKey`).
  it('reads the post from its copy, read beside the index, when the copy is the version the index names', async () => {
    const index = await seedContent(env.CONTENT, [{ slug: 'copied', title: 'Copied', date: yesterday(), markdown: 'From the copy.' }])
    // Without the content-addressed body, only the copy can give the page its text.
    await env.CONTENT.delete(postKey(index.posts[0]!))
    const res = await get(`${origin()}/posts/copied`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<p>From the copy.</p>')
  })

  it('reads the body the index names when the copy is of another version (KV has not propagated both) or missing', async () => {
    const index = await seedContent(env.CONTENT, [{ slug: 'propagating', title: 'Propagating', date: yesterday(), markdown: 'The indexed version.' }])
    await env.CONTENT.put(postCopyKey('propagating')!, postCopyValue('another-hash', '<p>Another version.</p>'))
    const base = origin()
    const stale = await (await get(`${base}/posts/propagating`)).text()
    expect(stale).toContain('<p>The indexed version.</p>')
    expect(stale).not.toContain('Another version')
    // An index published before copies (or a lost copy): the body it names, as before.
    await env.CONTENT.delete(postCopyKey('propagating')!)
    const res = await get(`${origin()}/posts/propagating`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<p>The indexed version.</p>')
    expect(index.posts[0]!.hash).not.toBe('another-hash')
  })

  it('answers 404 for a draft and for a post dated in the future', async () => {
    await seedContent(env.CONTENT, [
      { slug: 'a-draft', title: 'A draft', draft: true, date: yesterday() },
      { slug: 'a-future-post', title: 'A future post', date: tomorrow() },
    ])
    const base = origin()
    for (const slug of ['a-draft', 'a-future-post']) {
      const res = await get(`${base}/posts/${slug}`)
      expect(res.status, slug).toBe(404)
      expect(await res.text()).not.toContain(slug === 'a-draft' ? 'A draft' : 'A future post')
    }
  })
})

describe('previewing drafts (DRAFTS = "preview")', () => {
  it('shows a draft with a visible banner, never cached and kept from search engines', async () => {
    await seedContent(env.CONTENT, [{ slug: 'wip', title: 'Work in progress', draft: true, date: yesterday() }])
    const res = await getAsAuthor(`${origin()}/posts/wip`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=UTF-8')
    // CACHEABILITY (edge-cache middleware): a preview is never cached.
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const html = await res.text()
    expect(html).toContain('<h1>Work in progress</h1>')
    expect(html).toContain('<p class="banner" role="status">Draft preview: readers cannot see this post.</p>')
    expect(html).toContain('<meta name="robots" content="noindex"/>')
  })

  it('shows a scheduled post with the date readers will see it', async () => {
    const date = new Date(Date.now() + 30 * 86_400_000).toISOString()
    await seedContent(env.CONTENT, [{ slug: 'soon', title: 'Soon', date }])
    const res = await getAsAuthor(`${origin()}/posts/soon`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('readers will see this post from')
  })

  it('still keeps drafts out of the lists', async () => {
    await seedContent(env.CONTENT, [
      { slug: 'listed', title: 'Listed', date: yesterday(), tags: ['t'] },
      { slug: 'unlisted', title: 'Unlisted draft', draft: true, date: yesterday(), tags: ['t'] },
    ])
    const base = origin()
    for (const path of ['/', '/tags/t']) {
      const html = await (await getAsAuthor(`${base}${path}`)).text()
      expect(html, path).toContain('Listed')
      expect(html, path).not.toContain('Unlisted draft')
    }
  })

  it('shows a public post without a banner and leaves it cacheable', async () => {
    await seedContent(env.CONTENT, [{ slug: 'public-one', title: 'Public one', date: yesterday() }])
    const res = await getAsAuthor(`${origin()}/posts/public-one`)
    expect(res.headers.get('Cache-Control')).not.toContain('no-store')
    expect(await res.text()).not.toContain('class="banner"')
  })
})
