import { describe, expect, it } from 'vitest'
import { normalizeEmail, planAuthorNotice, planCommentNotices, planReaderNotices } from '../../src/notify/recipients'
import type { SubscriptionFacts } from '../../src/notify/types'

let ids = 0
function sub(fields: Partial<SubscriptionFacts> & Pick<SubscriptionFacts, 'email' | 'scope'>): SubscriptionFacts {
  const id = ++ids
  return { id, addressId: id, postSlug: 'post', commentId: null, confirmed: true, ...fields }
}

// A reply to comment 3, which answers 2, which answers 1.
const reply = { postSlug: 'post', ancestorIds: [3, 2, 1], ownEmail: 'replier@example.com' }

describe('planReaderNotices', () => {
  it('tells a reader who follows any ancestor of the reply, at any depth', () => {
    const follows1 = sub({ email: 'root@example.com', scope: 'replies', commentId: 1 })
    const follows3 = sub({ email: 'parent@example.com', scope: 'replies', commentId: 3 })
    const notices = planReaderNotices(reply, [follows1, follows3])
    expect(notices).toEqual(
      expect.arrayContaining([
        { kind: 'reply', email: 'root@example.com', subscriptionId: follows1.id },
        { kind: 'reply', email: 'parent@example.com', subscriptionId: follows3.id },
      ]),
    )
    expect(notices).toHaveLength(2)
  })

  it('tells nobody who follows a comment that is not above the reply, or another post', () => {
    const sibling = sub({ email: 'sibling@example.com', scope: 'replies', commentId: 4 })
    const otherPost = sub({ email: 'other@example.com', scope: 'post', postSlug: 'elsewhere' })
    expect(planReaderNotices(reply, [sibling, otherPost])).toEqual([])
  })

  it('tells followers of the whole post about a top-level comment', () => {
    const follower = sub({ email: 'fan@example.com', scope: 'post' })
    expect(planReaderNotices({ ...reply, ancestorIds: [] }, [follower])).toEqual([
      { kind: 'post', email: 'fan@example.com', subscriptionId: follower.id },
    ])
  })

  it('sends nothing to an address that has not confirmed', () => {
    expect(planReaderNotices(reply, [sub({ email: 'new@example.com', scope: 'post', confirmed: false })])).toEqual([])
  })

  it('never tells the reply’s own author, whatever the case of the address', () => {
    const self = sub({ email: 'Replier@Example.com', scope: 'replies', commentId: 2 })
    expect(planReaderNotices(reply, [self])).toEqual([])
  })

  it('sends one notice per address when several subscriptions match, through the most specific one', () => {
    const post = sub({ email: 'ana@example.com', scope: 'post' })
    const root = sub({ email: 'ana@example.com', scope: 'replies', commentId: 1 })
    const parent = sub({ email: 'ANA@example.com', scope: 'replies', commentId: 3 })
    expect(planReaderNotices(reply, [post, root, parent])).toEqual([
      { kind: 'reply', email: 'ana@example.com', subscriptionId: parent.id },
    ])
  })
})

describe('planAuthorNotice', () => {
  it('tells the configured author of a reader’s comment', () => {
    expect(planAuthorNotice({ ownEmail: 'lea@example.com', isAuthor: false }, 'Me@Blog.example')).toEqual({
      kind: 'author',
      email: 'me@blog.example',
      subscriptionId: null,
    })
  })

  it('stays silent without an author address, for the author’s own comments, and for comments from the author’s address', () => {
    expect(planAuthorNotice({ ownEmail: null, isAuthor: false }, undefined)).toBeNull()
    expect(planAuthorNotice({ ownEmail: null, isAuthor: true }, 'me@blog.example')).toBeNull()
    expect(planAuthorNotice({ ownEmail: 'ME@blog.example', isAuthor: false }, 'me@blog.example')).toBeNull()
  })
})

describe('planCommentNotices', () => {
  const follower = sub({ email: 'fan@example.com', scope: 'post' })
  const author = sub({ email: 'me@blog.example', scope: 'post' })

  it('queues the author’s notice for a held comment, and no reader’s', () => {
    const notices = planCommentNotices({ ...reply, isAuthor: false, isPublic: false }, [follower], 'me@blog.example')
    expect(notices).toEqual([{ kind: 'author', email: 'me@blog.example', subscriptionId: null }])
  })

  it('gives an author who also follows the post one email, the author’s', () => {
    const notices = planCommentNotices({ ...reply, isAuthor: false, isPublic: true }, [follower, author], 'me@blog.example')
    expect(notices.map((n) => [n.kind, n.email])).toEqual([
      ['author', 'me@blog.example'],
      ['post', 'fan@example.com'],
    ])
  })
})

describe('normalizeEmail', () => {
  it('trims and lowercases', () => {
    expect(normalizeEmail('  Ana@Example.COM ')).toBe('ana@example.com')
  })
})
