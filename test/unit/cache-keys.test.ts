import { describe, expect, it } from 'vitest'
import { edgeHeaders, etagMatches } from '../../src/cache/headers'
import { cacheKey, requestTarget } from '../../src/cache/keys'
import { encodeTag, LIST_TAG, parseTag, postTag, tagPageTag } from '../../src/cache/tags'
import { signToken } from '../../src/comments/hmac'
import { DEFAULT_SITE } from '../../src/content/site-defaults'
import type { ContentIndex } from '../../src/content/types'
import { pathsForTag } from '../../src/urls'
import { postMeta } from '../fixtures/content'

const index = (posts: number, perPage = 10): ContentIndex => ({
  version: 'v',
  site: { ...DEFAULT_SITE, postsPerPage: perPage },
  posts: Array.from({ length: posts }, (_, i) => postMeta({ slug: `p${i}`, title: `P${i}` })),
})

const key = (url: string) => cacheKey(new URL(url))

describe('cacheKey', () => {
  it('keeps the page parameter and drops every other one', () => {
    expect(key('https://b.example/posts/a?utm_source=x&page=2&z=1#c')).toBe('https://b.example/posts/a?page=2')
  })
  it('gives the same key with and without tracking parameters', () => {
    expect(key('https://b.example/?fbclid=1')).toBe(key('https://b.example/'))
  })
  it('leaves the poster’s link out of the key', () => {
    expect(key('https://b.example/posts/a?edit=3.x')).toBe('https://b.example/posts/a')
  })
  it('has no key for a page that is never cached', () => {
    expect(key('https://b.example/posts/a/comments/3?t=x')).toBeUndefined()
    expect(key('https://b.example/admin')).toBeUndefined()
  })
})

describe('requestTarget', () => {
  const KEY = 'k'
  const target = (url: string, now = 1_000_000) => requestTarget(new URL(url), KEY, now)

  it('keeps a valid edit link, checked by its signature alone, and skips the key', async () => {
    const token = await signToken(KEY, 'edit', 4, 2_000_000)
    const t = await target(`https://b.example/posts/a?edit=4.${token}&x=1`)
    expect(t).toEqual({ canonical: `/posts/a?edit=4.${token}`, pathDiffers: false, key: undefined, personal: true })
  })
  it('drops an edit link that is expired, forged or for another purpose', async () => {
    const expired = await signToken(KEY, 'edit', 4, 999_000)
    const view = await signToken(KEY, 'view', 4, 2_000_000)
    const other = await signToken('other key', 'edit', 4, 2_000_000)
    for (const value of [`4.${expired}`, `4.${view}`, `4.${other}`, `5.${await signToken(KEY, 'edit', 4, 2_000_000)}`, 'x']) {
      const t = await target(`https://b.example/posts/a?page=2&edit=${value}`)
      expect(t, value).toEqual({ canonical: '/posts/a?page=2', pathDiffers: false, key: 'https://b.example/posts/a?page=2', personal: false })
    }
  })
  it('says when the path is spelt otherwise, whatever the page', async () => {
    expect((await target('https://b.example/posts/%C3%A9')).pathDiffers).toBe(false)
    expect((await target('https://b.example/posts/%c3%a9')).pathDiffers).toBe(true)
    expect((await target('https://b.example/admin/%6Dailbox?x=1')).canonical).toBe('/admin/mailbox?x=1')
  })
})

describe('parseTag', () => {
  it('names what each tag covers', () => {
    expect(parseTag(LIST_TAG)).toEqual({ kind: 'list' })
    expect(parseTag(postTag('a:b'))).toEqual({ kind: 'post', slug: 'a:b' })
    expect(parseTag(tagPageTag('été'))).toEqual({ kind: 'tag', tag: 'été' })
    expect(parseTag('post:')).toBeUndefined()
  })
})

describe('encodeTag', () => {
  it('leaves printable ASCII tags alone', () => {
    expect(encodeTag('post:hello-world')).toBe('post:hello-world')
  })
  it('percent-encodes non-ASCII, spaces, commas and percent signs', () => {
    expect(encodeTag('post:café')).toBe('post:caf%C3%A9')
    expect(encodeTag('tag:a b,c%')).toBe('tag:a%20b%2Cc%25')
    expect(encodeTag('tag:日本')).toMatch(/^[\x21-\x7e]+$/)
  })
})

describe('pathsForTag', () => {
  it('covers a post page, its discussion pages, its comment feed and the feeds that carry its body', () => {
    const paths = pathsForTag(postTag('café'), index(1))
    expect(paths).toContain('/posts/caf%C3%A9')
    expect(paths).toContain('/posts/caf%C3%A9?page=2')
    expect(paths).toContain('/posts/caf%C3%A9/comments.xml')
    expect(paths).toEqual(expect.arrayContaining(['/feed.xml', '/rss.xml']))
  })
  it('covers every list page, the feeds and the sitemap', () => {
    const paths = pathsForTag(LIST_TAG, index(25, 10))
    expect(paths).toEqual(expect.arrayContaining(['/', '/page/2', '/page/3', '/feed.xml', '/rss.xml', '/sitemap.xml', '/robots.txt', '/comments.js']))
    expect(paths).not.toContain('/page/4')
  })
  it('covers a tag page', () => {
    expect(pathsForTag(tagPageTag('édition'), index(0))).toEqual(['/tags/%C3%A9dition'])
  })
  it('covers nothing for an unknown tag', () => {
    expect(pathsForTag('other:x', index(0))).toEqual([])
  })
})

describe('edgeHeaders', () => {
  it('makes browsers revalidate and lets the edge keep the page', () => {
    const headers = edgeHeaders({ tags: [postTag('é'), LIST_TAG], maxAge: 600 })
    expect(headers['Cache-Control']).toBe('no-cache')
    expect(headers['CDN-Cache-Control']).toBe('public, max-age=600, stale-while-revalidate=60')
    expect(headers['Cloudflare-CDN-Cache-Control']).toBe(headers['CDN-Cache-Control'])
    expect(headers['Cache-Tag']).toBe('post:%C3%A9,list')
  })
})

describe('etagMatches', () => {
  it('matches an exact tag, one in a list, a weak form and the wildcard', () => {
    expect(etagMatches('"abc"', '"abc"')).toBe(true)
    expect(etagMatches('"x", "abc"', '"abc"')).toBe(true)
    expect(etagMatches('W/"abc"', '"abc"')).toBe(true)
    expect(etagMatches('*', '"abc"')).toBe(true)
  })
  it('does not match another tag or a missing header', () => {
    expect(etagMatches('"abd"', '"abc"')).toBe(false)
    expect(etagMatches(null, '"abc"')).toBe(false)
  })
})
