import { describe, expect, it } from 'vitest'
import { allTags } from '../../src/cache/purge-all'
import { DEFAULT_SITE } from '../../src/content/site-defaults'
import type { ContentIndex, PostMeta } from '../../src/content/types'

const post = (slug: string, tags: string[], extra: Partial<PostMeta> = {}): PostMeta => ({
  slug, title: slug, date: '2026-01-01T00:00:00.000Z', tags, summary: '', draft: false, comments: true, words: 1, readingMinutes: 1, hash: slug, ...extra,
})

describe('allTags (what a purge of everything deletes on the Cache API path)', () => {
  it('names the lists, every post and every tag page once, tags in URL form', () => {
    const index: ContentIndex = {
      version: 'v',
      site: DEFAULT_SITE,
      posts: [post('un', ['Édition', 'web']), post('deux', ['édition']), post('brouillon', ['Later'], { draft: true })],
    }
    expect(allTags(index).sort()).toEqual(['list', 'redirects', 'post:brouillon', 'post:deux', 'post:un', 'tag:later', 'tag:web', 'tag:édition'].sort())
  })

  it('is just the lists before anything is published', () => {
    expect(allTags({ version: 'empty', site: DEFAULT_SITE, posts: [] })).toEqual(['list', 'redirects'])
  })
})
