import { describe, expect, it } from 'vitest'
import { findHost, hostTags, pageHost, postHost, publicHost, threadLink } from '../../src/content/discussion-host'
import { DEFAULT_SITE } from '../../src/content/site-defaults'
import type { ContentIndex, PageMeta } from '../../src/content/types'
import {
  cacheablePage, commentPath, commentPreviewApiPath, commentsApiPath, commentsFeedPath, commentsPath, deletePath, discussionPath,
  editPath, formPath, replyPath,
} from '../../src/urls'
import { postMeta } from '../fixtures/content'

const page = (slug: string, extra: Partial<PageMeta> = {}): PageMeta => ({ slug, title: `Page ${slug}`, summary: '', draft: false, comments: true, hash: 'h', ...extra })
const index: ContentIndex = {
  version: 'v',
  site: { ...DEFAULT_SITE, comments: { ...DEFAULT_SITE.comments, closeAfterDays: 30 } },
  posts: [postMeta({ slug: 'café', title: 'Café', date: '2026-01-01T00:00:00Z' }), postMeta({ slug: 'later', title: 'Later', date: '2999-01-01T00:00:00Z' })],
  pages: [page('livre-d-or'), page('about', { comments: false }), page('wip', { draft: true })],
}
const paths = (address: { path: string }) => [
  discussionPath(address, 1), discussionPath(address, 3), formPath(address), commentsPath(address), commentPath(address, 7),
  commentPath(address, 7, 'a b'), replyPath(address, 7), editPath(address, 7, 'tok'), deletePath(address, 7),
  commentsFeedPath(address), commentsApiPath(address), commentPreviewApiPath(address),
]

describe('the discussion path helpers', () => {
  it('write a post’s addresses exactly as before (sent emails hold them)', () => {
    expect(paths(postHost(index.posts[0]!))).toEqual([
      '/posts/caf%C3%A9', '/posts/caf%C3%A9?page=3', '/posts/caf%C3%A9#comment-form', '/posts/caf%C3%A9/comments',
      '/posts/caf%C3%A9/comments/7', '/posts/caf%C3%A9/comments/7?t=a%20b', '/posts/caf%C3%A9/comments/7/reply#comment-form',
      '/posts/caf%C3%A9/comments/7/edit?t=tok', '/posts/caf%C3%A9/comments/7/delete', '/posts/caf%C3%A9/comments.xml',
      '/api/posts/caf%C3%A9/comments', '/api/posts/caf%C3%A9/comments/preview',
    ])
  })
  it('write a page’s at the page’s own address', () => {
    expect(paths(pageHost(page('livre-d-or')))).toEqual([
      '/livre-d-or', '/livre-d-or?page=3', '/livre-d-or#comment-form', '/livre-d-or/comments', '/livre-d-or/comments/7',
      '/livre-d-or/comments/7?t=a%20b', '/livre-d-or/comments/7/reply#comment-form', '/livre-d-or/comments/7/edit?t=tok',
      '/livre-d-or/comments/7/delete', '/livre-d-or/comments.xml', '/api/livre-d-or/comments', '/api/livre-d-or/comments/preview',
    ])
  })
  it('let the edge keep a page’s discussion pages, feed and JSON thread, never under a route’s own segment', () => {
    expect(cacheablePage('/livre-d-or')).toEqual({ query: ['page'], personal: ['edit'] })
    expect(cacheablePage('/livre-d-or/comments.xml')).toEqual({ query: [], personal: [] })
    expect(cacheablePage('/api/livre-d-or/comments')).toEqual({ query: [], personal: [] })
    for (const path of ['/admin/comments.xml', '/api/admin/comments', '/api/search/comments', '/livre-d-or/comments/7']) expect(cacheablePage(path), path).toBeUndefined()
  })
})

describe('the host a discussion hangs on', () => {
  it('is a post, or a page only with comments: true, each with its path and cache tag', () => {
    expect(findHost(index, 'café')).toMatchObject({ kind: 'post', path: '/posts/caf%C3%A9', tag: 'post:café' })
    expect(findHost(index, 'livre-d-or')).toMatchObject({ kind: 'page', title: 'Page livre-d-or', path: '/livre-d-or', tag: 'page:livre-d-or', comments: true })
    expect(findHost(index, 'about')).toBeUndefined()
    expect(findHost(index, 'café', 'page')).toBeUndefined()
    expect(findHost(index, 'livre-d-or', 'post')).toBeUndefined()
  })
  it('is public only for a public post or a page that is no draft; a page never closes by age', () => {
    const now = new Date('2026-06-01T00:00:00Z')
    expect(publicHost(index, 'café', 'post', now)?.comments).toBe(false)
    expect(publicHost(index, 'later', 'post', now)).toBeUndefined()
    expect(publicHost(index, 'livre-d-or', 'page', now)?.comments).toBe(true)
    expect(publicHost(index, 'wip', 'page', now)).toBeUndefined()
    expect(publicHost(index, 'about', undefined, now)).toBeUndefined()
  })
  it('turns the thread tag the comment’s writers name into its host’s, for the purge', () => {
    expect(hostTags(index, ['post:café', 'post:livre-d-or', 'post:about', 'post:gone', 'list', 'page:about'])).toEqual([
      'post:café', 'page:livre-d-or', 'post:about', 'post:gone', 'list', 'page:about',
    ])
  })
  it('gives stored threads their host’s title and path, or a post’s address once the host is gone', () => {
    expect(threadLink(index, 'livre-d-or')).toEqual({ title: 'Page livre-d-or', path: '/livre-d-or' })
    expect(threadLink(index, 'gone')).toEqual({ title: 'gone', path: '/posts/gone' })
  })
})
