import { describe, expect, it } from 'vitest'
import type { CommentRow } from '../../src/comments/types'
import { postHost } from '../../src/content/discussion-host'
import { DEFAULT_SITE } from '../../src/content/site-defaults'
import { CommentFormPage } from '../../src/views/CommentFormPage'
import { postMeta } from '../fixtures/content'

const post = postHost(postMeta({ slug: 'a-post', title: 'A post', date: '2026-03-14T10:00:00Z', markdown: 'The whole article text.' }))
const state = {
  values: { author: 'Léa', email: '', body: 'My kept <text>', parentId: null, notify: '' as const },
  message: 'Please fix this.',
  fields: { body: 'Too long.' },
}

describe('CommentFormPage', () => {
  it('is the form with the text kept and its problems, without the post or the thread', () => {
    const html = (<CommentFormPage site={DEFAULT_SITE} post={post} state={state} />).toString()
    expect(html).toContain('<meta name="robots" content="noindex"/>')
    expect(html).toContain('\nMy kept &lt;text&gt;</textarea>')
    expect(html).toContain('<p>Please fix this.</p>')
    expect(html).toContain('<p id="comment-body-error" class="field-error">Too long.</p>')
    expect(html).toContain('<a href="/posts/a-post">A post</a>')
    expect(html).not.toContain('The whole article text.')
    expect(html).not.toContain('id="comments-title"')
  })

  it('shows only the comment answered above the form of a reply', () => {
    const parent = {
      id: 7, postSlug: 'a-post', parentId: null, authorName: 'Omar', authorEmail: null, body: 'Parent', bodyHtml: '<p>Parent</p>',
      renderVersion: 1, status: 'approved', createdAt: 0, updatedAt: 0, ipHmac: null, isAuthor: false, notify: null, submitKey: 'k',
    } satisfies CommentRow
    const html = (<CommentFormPage site={DEFAULT_SITE} post={post} state={{ ...state, values: { ...state.values, parentId: 7 } }} parent={parent} />).toString()
    expect(html).toContain('<div id="comment-7" class="comment">')
    expect(html).toContain('<input type="hidden" name="parent_id" value="7"/>')
    expect(html).toContain('\nMy kept &lt;text&gt;</textarea>')
  })

  it('keeps a reply whose comment cannot be shown, so that sending again still replies', () => {
    const html = (<CommentFormPage site={DEFAULT_SITE} post={post} state={state} replyTo={{ id: 42, author: '#42' }} />).toString()
    expect(html).toContain('<input type="hidden" name="parent_id" value="42"/>')
    expect(html).not.toContain('class="comment"')
  })
})
