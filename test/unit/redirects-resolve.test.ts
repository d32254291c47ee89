import { describe, expect, it } from 'vitest'
import { redirectCacheKey } from '../../src/redirects/cache-keys'
import { localPath, planRedirect, resolveRedirect } from '../../src/redirects/resolve'

const row = (fromPath: string, toPath: string) => ({ fromPath, toPath, source: 'wordpress', createdAt: 1 })

describe('resolveRedirect', () => {
  it('answers WordPress’s feeds without reading anything', () => {
    expect(planRedirect('/feed')).toEqual({ builtIn: '/feed.xml' })
    expect(planRedirect('/comments/feed')).toEqual({ builtIn: '/comments.xml' })
  })

  it('reads an item’s feed as the comment feed of the post it leads to, unless a row of its own exists', () => {
    const plan = planRedirect('/2016/03/14/été/feed/atom')
    expect(plan).toEqual({ key: '/2016/03/14/été/feed/atom', feedOf: '/2016/03/14/été' })
    expect(resolveRedirect(plan, [row('/2016/03/14/été', '/posts/%C3%A9t%C3%A9')])).toBe('/posts/%C3%A9t%C3%A9/comments.xml')
    expect(resolveRedirect(plan, [row('/2016/03/14/été', '/a-propos')])).toBeNull()
    expect(resolveRedirect(plan, [row('/2016/03/14/été/feed/atom', '/feed.xml'), row('/2016/03/14/été', '/posts/x')])).toBe('/feed.xml')
  })

  it('spells targets canonically and refuses any that leave the site', () => {
    expect(localPath('/posts/été#comment-3')).toBe('/posts/%C3%A9t%C3%A9#comment-3')
    expect(localPath('/posts/r%c3%a9')).toBe('/posts/r%C3%A9')
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example/', 'posts/x', '/a\nb']) expect(localPath(bad), bad).toBeNull()
  })

  it('keys the Cache API copy on the legacy key, whose query it keeps apart from a `?` in the path', () => {
    expect(redirectCacheKey('https://b.test', '/2016/été')).toBe('https://b.test/2016/%C3%A9t%C3%A9')
    expect(redirectCacheKey('https://b.test', '/?p=12')).toBe('https://b.test/?p=12')
    expect(redirectCacheKey('https://b.test', '/quoi?')).toBe('https://b.test/quoi%3F')
  })
})
