import { describe, expect, it } from 'vitest'
import { cacheablePage, canonicalPath, canonicalUrl, commentsApiPath, encodeSegment, postPath, rawSearch, tagPath } from '../../src/urls'

describe('canonicalPath', () => {
  it('turns every spelling of a slug into the one the site links to', () => {
    const canonical = postPath('lecteurs-qui-répondent')
    expect(canonical).toBe('/posts/lecteurs-qui-r%C3%A9pondent')
    for (const variant of ['/posts/lecteurs-qui-r%c3%a9pondent', '/posts/lecteurs-qui-re%CC%81pondent', '/posts/%6cecteurs-qui-r%C3%A9pondent', '/posts/lecteurs-qui-re%cc%81pondent']) {
      expect(canonicalPath(variant), variant).toBe(canonical)
    }
  })
  it('is what the path builders write, and stable', () => {
    for (const path of [postPath('日本語-ok'), tagPath('Été indien'), commentsApiPath({ path: postPath('café') }), '/', '/page/2', '/feed.xml']) {
      expect(canonicalPath(path)).toBe(path)
      expect(canonicalPath(canonicalPath(path))).toBe(canonicalPath(path))
    }
  })
  it('keeps encoded slashes and other reserved characters encoded', () => {
    expect(canonicalPath('/posts/a%2fb')).toBe('/posts/a%2Fb')
    expect(canonicalPath('/posts/a%3fb%23c%25')).toBe('/posts/a%3Fb%23c%25')
  })
  it('writes sub-delimiters, colons and at signs as they are (RFC 3986 pchar)', () => {
    expect(encodeSegment("a:b@c+d,e;f=g$h&i!'()*~")).toBe("a:b@c+d,e;f=g$h&i!'()*~")
    expect(canonicalPath('/media/a%2Bb.png')).toBe('/media/a+b.png')
  })
  it('leaves a path that is not UTF-8 as it is', () => {
    expect(canonicalPath('/posts/%C3%28')).toBe('/posts/%C3%28')
    expect(canonicalPath('/posts/%ED%A0%80')).toBe('/posts/%ED%A0%80')
    expect(canonicalPath('/posts/100%')).toBe('/posts/100%')
  })
})

describe('canonicalUrl', () => {
  const of = (url: string) => canonicalUrl(new URL(url))

  it('keeps only what a cacheable page takes, in a fixed order, first value of each', () => {
    expect(of('https://b.example/posts/a?utm_source=x&edit=1.t&page=3&page=4')).toEqual({
      path: '/posts/a',
      search: '?page=3',
      cacheable: true,
      personal: [['edit', '1.t']],
    })
    expect(of('https://b.example/feed.xml?x=1')).toMatchObject({ search: '', cacheable: true, personal: [] })
  })
  it('leaves the query of a page that is never cached as sent', () => {
    expect(of('https://b.example/notify/confirm?a=1&t=x&z')).toEqual({ path: '/notify/confirm', search: '?a=1&t=x&z', cacheable: false, personal: [] })
  })
})

describe('cacheablePage', () => {
  it('lists the pages the edge keeps and no other', () => {
    for (const path of ['/', '/page/2', '/posts/a', '/posts/a/comments.xml', '/api/posts/a/comments', '/tags/a', '/feed.xml', '/rss.xml', '/sitemap.xml', '/robots.txt', '/comments.js', '/archive', '/tags', '/about', '/%C3%A0-propos']) {
      expect(cacheablePage(path), path).toBeDefined()
    }
    for (const path of ['/posts/a/comments/1', '/posts/a/comments/1/edit', '/admin', '/notify/confirm', '/api/admin/comments', '/posts/a/', '/about/', '/a.b', '/api', '/page', '/posts']) {
      expect(cacheablePage(path), path).toBeUndefined()
    }
  })
})

describe('rawSearch', () => {
  it('keeps a lone question mark, which url.search drops', () => {
    expect(rawSearch(new URL('https://b.example/a?'))).toBe('?')
    expect(rawSearch(new URL('https://b.example/a'))).toBe('')
    expect(rawSearch(new URL('https://b.example/a?b=1#c'))).toBe('?b=1')
  })
})
