import { describe, expect, it } from 'vitest'
import { LIST_TAG } from '../../src/cache/tags'
import { tagsToPurge, type StatusChange } from '../../src/comments/moderation'
import type { CommentRow, CommentStatus } from '../../src/comments/types'
import { noticePath, parseNotice } from '../../src/views/admin/notice'

let ids = 0
function change(before: CommentStatus | null, after: CommentStatus, postSlug = 'a-post'): StatusChange {
  const row = { id: ++ids, postSlug, status: after } as CommentRow
  return { before, after: row }
}

describe('tagsToPurge', () => {
  it('purges the post and the lists when a comment becomes public (its count changes)', () => {
    expect(tagsToPurge([change('pending', 'approved')]).sort()).toEqual([LIST_TAG, 'post:a-post'].sort())
    expect(tagsToPurge([change('spam', 'approved')]).sort()).toEqual([LIST_TAG, 'post:a-post'].sort())
  })

  it('purges the post and the lists when an approved comment stops being public', () => {
    for (const after of ['spam', 'deleted'] as const) {
      expect(tagsToPurge([change('approved', after)]).sort()).toEqual([LIST_TAG, 'post:a-post'].sort())
    }
  })

  it('purges only the post when a "[deleted]" placeholder may appear or go (the count is unchanged)', () => {
    expect(tagsToPurge([change('pending', 'deleted')])).toEqual(['post:a-post'])
    expect(tagsToPurge([change('deleted', 'spam')])).toEqual(['post:a-post'])
  })

  it('purges nothing when nothing public changed', () => {
    expect(tagsToPurge([change('pending', 'spam'), change('approved', 'approved'), change('spam', 'spam')])).toEqual([])
  })

  it('purges as for a public change when the previous status is unknown', () => {
    expect(tagsToPurge([change(null, 'spam')]).sort()).toEqual([LIST_TAG, 'post:a-post'].sort())
  })

  it('names each post once, whatever the number of its comments', () => {
    const tags = tagsToPurge([
      change('pending', 'approved', 'one'),
      change('pending', 'approved', 'one'),
      change('approved', 'deleted', 'two'),
      change('pending', 'spam', 'three'),
    ])
    expect(tags.sort()).toEqual([LIST_TAG, 'post:one', 'post:two'].sort())
  })
})

describe('admin notices in the query string', () => {
  it('round-trips every notice through its URL', () => {
    for (const notice of [
      { done: 'approved', n: 3 },
      { done: 'spam', n: 0 },
      { done: 'deleted', n: 1 },
      { done: 'replied' },
      { done: 'none' },
    ] as const) {
      const url = new URL(noticePath(notice), 'https://x.test')
      expect(url.pathname).toBe('/admin')
      expect(parseNotice(Object.fromEntries(url.searchParams))).toEqual(notice)
    }
  })

  it('ignores a hand-edited query it does not know', () => {
    for (const query of [{ done: 'pending', n: '1' }, { done: 'approved' }, { done: 'approved', n: '-1' }, { done: 'approved', n: '1e9' }, {}]) {
      expect(parseNotice(query)).toBeUndefined()
    }
  })
})
