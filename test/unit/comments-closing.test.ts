import { describe, expect, it } from 'vitest'
import { asOf, closesAt, commentsOpen, secondsUntilClosing } from '../../src/comments/closing'
import { DEFAULT_SITE } from '../../src/content/site-defaults'
import type { SiteConfig } from '../../src/content/types'
import { postMeta } from '../fixtures/content'

const DAY = 86_400_000
const site = (closeAfterDays?: number): SiteConfig => ({ ...DEFAULT_SITE, comments: { ...DEFAULT_SITE.comments, closeAfterDays } })
const post = (extra: Parameters<typeof postMeta>[0] extends infer P ? Partial<P> : never = {}) =>
  postMeta({ slug: 'p', title: 'P', date: '2026-01-01T00:00:00.000Z', ...extra })
const at = (days: number, ms = 0) => new Date(Date.parse('2026-01-01T00:00:00.000Z') + days * DAY + ms)

describe('closing old discussions', () => {
  it('closes closeAfterDays after the post’s date, to the millisecond', () => {
    expect(closesAt(post(), site(30))).toBe(at(30).getTime())
    expect(commentsOpen(post(), site(30), at(30, -1))).toBe(true)
    expect(commentsOpen(post(), site(30), at(30))).toBe(false)
  })

  it('never closes without closeAfterDays; comments: false closes at once', () => {
    expect(closesAt(post(), site())).toBeNull()
    expect(commentsOpen(post(), site(), at(10_000))).toBe(true)
    expect(commentsOpen(post({ comments: false }), site(30), at(1))).toBe(false)
  })

  it('takes the post’s own closeAfterDays over the site’s, either way', () => {
    expect(commentsOpen(post({ closeAfterDays: 7 }), site(30), at(8))).toBe(false)
    expect(commentsOpen(post({ closeAfterDays: 60 }), site(30), at(31))).toBe(true)
    expect(commentsOpen(post({ closeAfterDays: 7 }), site(), at(8))).toBe(false)
  })

  it('caps the page’s edge lifetime at the seconds left, and leaves a closed or never-closing one alone', () => {
    expect(secondsUntilClosing(post(), site(30), at(30, -100_000))).toBe(100)
    expect(secondsUntilClosing(post(), site(30), at(30, -1))).toBe(1)
    expect(secondsUntilClosing(post(), site(30), at(30))).toBeUndefined()
    expect(secondsUntilClosing(post(), site(), at(1))).toBeUndefined()
    expect(secondsUntilClosing(post({ comments: false }), site(30), at(1))).toBeUndefined()
  })

  it('shows a post whose discussion closed by age as one with comments: false', () => {
    const open = post()
    expect(asOf(open, site(30), at(29))).toBe(open)
    expect(asOf(open, site(30), at(31))).toEqual({ ...open, comments: false })
  })
})
