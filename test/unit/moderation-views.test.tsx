import { describe, expect, it } from 'vitest'
import type { CommentRow, CommentStatus } from '../../src/comments/types'
import { DEFAULT_SITE } from '../../src/content/site-defaults'
import type { SiteConfig } from '../../src/content/types'
import { DashboardPage, type DashboardPageProps } from '../../src/views/admin/DashboardPage'
import { SignInPage } from '../../src/views/admin/SignInPage'

function row(id: number, status: CommentStatus, extra: Partial<CommentRow> = {}): CommentRow {
  return {
    id,
    postSlug: 'a-post',
    parentId: null,
    authorName: 'Léa',
    authorEmail: 'lea@example.com',
    body: 'Hello',
    bodyHtml: '<p>Hello</p>',
    renderVersion: 1,
    status,
    createdAt: Date.UTC(2026, 10, 3, 14, 5),
    updatedAt: Date.UTC(2026, 10, 3, 14, 5),
    ipHmac: 'f'.repeat(64),
    isAuthor: false,
    notify: null,
    submitKey: 'key',
    ...extra,
  }
}

const render = (props: Partial<DashboardPageProps> = {}, site: SiteConfig = DEFAULT_SITE) =>
  (<DashboardPage site={site} queue={[]} recent={[]} threadOf={(slug) => ({ title: `Title of ${slug}`, path: `/posts/${slug}` })} {...props} />).toString()

describe('the admin dashboard', () => {
  it('escapes the name and the text of a comment', () => {
    const hostile = row(7, 'pending', { authorName: '<img src=x onerror=alert(1)>', body: '<script>alert(1)</script>\n\nbye' })
    const html = render({ queue: [hostile] })
    expect(html).not.toContain('<script>alert(1)')
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })

  it('shows the email, the post, the date in the site’s time zone, and the status', () => {
    const site = { ...DEFAULT_SITE, timeZone: 'Europe/Paris' }
    const html = render({ recent: [row(8, 'spam')] }, site)
    expect(html).toContain('lea@example.com')
    expect(html).toContain('<a href="/posts/a-post">Title of a-post</a>')
    expect(html).toContain('<time datetime="2026-11-03T14:05:00.000Z">Nov 3, 2026, 3:05 PM</time>')
    expect(html).toContain('<span class="status status-spam">Spam</span>')
  })

  it('offers only the actions that change the status', () => {
    const html = render({ recent: [row(9, 'approved')] })
    const actions = html.slice(html.indexOf('aria-label="Moderate comment 9 (recent comments)"'))
    expect(actions).toContain('value="spam"')
    expect(actions).toContain('value="delete"')
    expect(actions.slice(0, actions.indexOf('</form>'))).not.toContain('value="approve"')
  })

  it('names the action forms of a comment shown in both the queue and the recent list differently (axe landmark-unique)', () => {
    const held = row(31, 'pending')
    const labels = [...render({ queue: [held], recent: [held] }).matchAll(/<form class="actions"[^>]*aria-label="([^"]*)"/g)].map((m) => m[1])
    expect(labels).toEqual(['Moderate comment 31', 'Moderate comment 31 (recent comments)'])
    const fr = [...render({ queue: [held], recent: [held] }, { ...DEFAULT_SITE, language: 'fr' }).matchAll(/<form class="actions"[^>]*aria-label="([^"]*)"/g)]
    expect(new Set(fr.map((m) => m[1])).size).toBe(2)
  })

  it('ties each queue tick box to the bulk form and offers "approve and reply" under a held comment', () => {
    const html = render({ queue: [row(10, 'pending')] })
    expect(html).toContain('<form id="bulk" class="bulk" method="post" action="/admin/comments"')
    expect(html).toContain('<input type="checkbox" id="queue-10-select" name="id" value="10" form="bulk"/>')
    expect(html).toContain('<form class="reply" method="post" action="/admin/comments/10/reply">')
    expect(html).toContain('Approve and reply')
  })

  it('keeps a refused reply’s text under its comment, with the error tied to the field', () => {
    const html = render({ queue: [row(11, 'pending')], replyProblem: { commentId: 11, body: 'my <draft>', error: 'Too long.' } })
    expect(html).toMatch(/<textarea id="queue-11-reply" name="body" rows="3" required="" aria-invalid="true" aria-describedby="queue-11-reply-error">\nmy &lt;draft&gt;<\/textarea>/)
    expect(html).toContain('<p id="queue-11-reply-error" class="field-error" role="alert">Too long.</p>')
  })

  it('confirms an action with a count in the site’s language', () => {
    expect(render({ notice: { done: 'spam', n: 2 } })).toContain('2 comments marked as spam.')
    const fr = render({ notice: { done: 'approved', n: 1 } }, { ...DEFAULT_SITE, language: 'fr' })
    expect(fr).toContain('1\u00a0commentaire approuvé.')
    expect(fr).toContain('<html lang="fr">')
  })

  it('is kept out of search engines and loads no script and no inline style attribute', () => {
    const html = render({ queue: [row(12, 'pending')], recent: [row(13, 'approved', { isAuthor: true })] })
    expect(html).toContain('<meta name="robots" content="noindex"/>')
    expect(html).toContain('<link rel="stylesheet" href="/admin/admin.css"/>')
    expect(html).not.toMatch(/<script/)
    expect(html).not.toMatch(/\sstyle=/)
    expect(html).not.toContain('f'.repeat(64))
  })

  it('says beside each held comment why it waits, in the site’s language', () => {
    const queue = [
      row(1, 'pending', { heldReason: 'first_time' }),
      row(2, 'pending', { heldReason: 'edit_added_link' }),
      row(3, 'pending', { heldReason: null }),
    ]
    const html = render({ queue })
    expect(html).toContain('<p class="held-reason">Held: the first comment under this name and email</p>')
    expect(html).toContain('<p class="held-reason">Held again: an edit after approval added a link</p>')
    expect(html.match(/class="held-reason"/g)).toHaveLength(2)
    const fr = render({ queue: [row(4, 'pending', { heldReason: 'too_many_links' })] }, { ...DEFAULT_SITE, language: 'fr' })
    expect(fr).toContain('<p class="held-reason">Retenu\u00a0: plus de liens que comments.maxLinks n’en permet</p>')
  })

  it('gives no held reason to a comment out of the queue', () => {
    const html = render({ recent: [row(5, 'approved', { heldReason: 'first_time' })] })
    expect(html).not.toContain('held-reason')
  })
})

describe('the sign-in page', () => {
  it('says the token was wrong and ties the message to the field', () => {
    const html = (<SignInPage site={DEFAULT_SITE} failed />).toString()
    expect(html).toContain('aria-describedby="admin-token-error"')
    expect(html).toContain('role="alert"')
    expect(html).not.toContain('action="/admin/logout"')
  })
})
