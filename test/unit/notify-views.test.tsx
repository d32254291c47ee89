import { describe, expect, it } from 'vitest'
import { DEFAULT_SITE } from '../../src/content/site-defaults'
import type { SiteConfig } from '../../src/content/types'
import type { MailboxMessage } from '../../src/notify/mailbox'
import type { OutboxListing } from '../../src/notify/outbox'
import { postPath } from '../../src/urls'
import { FailedDeliveries } from '../../src/views/notify/FailedDeliveries'
import { localHref, MailboxPage } from '../../src/views/notify/MailboxPage'
import { NotifyPage } from '../../src/views/notify/NotifyPage'

const site: SiteConfig = { ...DEFAULT_SITE, baseUrl: 'http://localhost:8787' }

const message: MailboxMessage = {
  id: 4,
  from: 'Palabre <blog@localhost>',
  to: 'ana@example.com',
  subject: 'Léa replied on “Tea”',
  text: 'Read it:\nhttp://localhost:8787/posts/tea/comments/3\n--\nElsewhere: https://example.org/x?a=1&b=2 <b>not html</b>',
  html: '<p>Hi</p>',
  headers: { 'List-Unsubscribe': '<http://localhost:8787/notify/unsubscribe?s=1&t=tok>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  createdAt: '2026-06-01T10:00:00.000Z',
}

describe('the mailbox page', () => {
  const html = (<MailboxPage site={site} messages={[message]} />).toString()

  it('makes the links of an email clickable, the site’s own ones root-relative', () => {
    expect(html).toContain('<a href="/posts/tea/comments/3">http://localhost:8787/posts/tea/comments/3</a>')
    expect(html).toContain('<a href="https://example.org/x?a=1&amp;b=2">https://example.org/x?a=1&amp;b=2</a>')
  })

  it('shows the rest of the text as text, never as markup', () => {
    expect(html).toContain('&lt;b&gt;not html&lt;/b&gt;')
    expect(html).toContain('&lt;p&gt;Hi&lt;/p&gt;')
  })

  it('offers the one-click unsubscribe POST a mail client would send', () => {
    expect(html).toContain('<form method="post" action="/notify/unsubscribe?s=1&amp;t=tok">')
    expect(html).toContain('name="List-Unsubscribe" value="One-Click"')
  })

  it('says so when the mailbox is empty', () => {
    expect((<MailboxPage site={site} messages={[]} />).toString()).toContain('No email yet.')
  })
})

describe('localHref', () => {
  it('keeps links to other sites absolute', () => {
    expect(localHref(site, 'https://example.org/a#b')).toBe('https://example.org/a#b')
    expect(localHref(site, 'http://localhost:8787/a?b=1#c')).toBe('/a?b=1#c')
  })
})

describe('the failed emails section', () => {
  const row: OutboxListing = {
    id: 9,
    kind: 'reply',
    recipient: 'ana@example.com',
    commentId: 3,
    subscriptionId: 1,
    addressId: null,
    status: 'failed',
    attempts: 8,
    nextAttemptAt: Date.UTC(2026, 5, 1),
    lastError: 'HTTP 503: <down>',
    createdAt: Date.UTC(2026, 5, 1),
    sentAt: null,
    postSlug: 'tea',
  }

  it('lists each failed email with its last error and a retry button', () => {
    const html = (<FailedDeliveries site={site} failed={[row]} threadOf={(slug) => ({ path: postPath(slug) })} />).toString()
    expect(html).toContain('Reply notice')
    expect(html).toContain('ana@example.com')
    expect(html).toContain('8 attempts')
    expect(html).toContain('HTTP 503: &lt;down&gt;')
    expect(html).toContain('<a href="/posts/tea/comments/3">#3</a>')
    expect(html).toContain('<form method="post" action="/admin/notifications/9/retry">')
  })

  it('says every email was delivered when none failed', () => {
    expect((<FailedDeliveries site={site} failed={[]} threadOf={(slug) => ({ path: postPath(slug) })} />).toString()).toContain('Every email was delivered.')
  })
})

describe('the notification pages', () => {
  it('put the action behind a POST button and are kept out of search engines', () => {
    const html = (<NotifyPage site={site} title="Stop emails" messages={['One', 'Two']} action={{ href: '/notify/unsubscribe?s=1&t=x', label: 'Stop' }} />).toString()
    expect(html).toContain('<meta name="robots" content="noindex"/>')
    expect(html).toContain('<h1>Stop emails</h1>')
    expect(html).toContain('<form method="post" action="/notify/unsubscribe?s=1&amp;t=x"><button type="submit">Stop</button></form>')
  })
})
