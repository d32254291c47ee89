import { describe, expect, it } from 'vitest'
import { DEFAULT_SITE } from '../../src/content/site-defaults'
import type { SiteConfig } from '../../src/content/types'
import { excerpt, renderEmail, type EmailContent } from '../../src/notify/render'

const site: SiteConfig = { ...DEFAULT_SITE, title: 'Carnets', baseUrl: 'https://blog.example', email: { from: 'Carnets <blog@blog.example>' } }

const reply: EmailContent = {
  kind: 'reply',
  name: 'Léa <script>',
  postTitle: 'Tea & "cake"',
  body: 'I disagree.\n\n<img src=x onerror=alert(1)>',
  commentUrl: 'https://blog.example/posts/tea/comments/12',
  unsubscribeUrl: 'https://blog.example/notify/unsubscribe?s=3&t=abc',
  unsubscribeAllUrl: 'https://blog.example/notify/unsubscribe?a=9&t=def',
  manageUrl: 'https://blog.example/notify/subscriptions?a=9&t=ghi',
}

describe('renderEmail', () => {
  it('writes a reader’s notice from the site’s address with one-click unsubscribe headers (RFC 8058)', () => {
    const email = renderEmail(site, 'ana@example.com', reply, 'key-1')
    expect(email.from).toBe('Carnets <blog@blog.example>')
    expect(email.to).toBe('ana@example.com')
    expect(email.idempotencyKey).toBe('key-1')
    expect(email.subject).toBe('Léa <script> replied on “Tea & "cake"”')
    expect(email.headers).toEqual({
      'Auto-Submitted': 'auto-generated',
      'Content-Language': 'en',
      'List-Unsubscribe': '<https://blog.example/notify/unsubscribe?s=3&t=abc>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    })
  })

  it('puts the replier’s name, an excerpt, the comment link and both unsubscribe links in the text', () => {
    const { text } = renderEmail(site, 'ana@example.com', reply, 'k')
    expect(text).toContain('Léa <script> replied to a comment you follow on “Tea & "cake"”:')
    expect(text).toContain('> I disagree.\n>\n> <img src=x onerror=alert(1)>')
    expect(text).toContain('https://blog.example/posts/tea/comments/12')
    expect(text).toContain('Stop these emails: https://blog.example/notify/unsubscribe?s=3&t=abc')
    expect(text).toContain('Stop every email from Carnets: https://blog.example/notify/unsubscribe?a=9&t=def')
  })

  it('escapes everything a reader wrote in the HTML part', () => {
    const { html } = renderEmail(site, 'ana@example.com', reply, 'k')
    expect(html.startsWith('<!DOCTYPE html><html lang="en">')).toBe(true)
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<img')
    expect(html).toContain('Léa &lt;script&gt;')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('href="https://blog.example/notify/unsubscribe?s=3&amp;t=abc"')
    expect(html).toContain('href="https://blog.example/posts/tea/comments/12"')
  })

  it('speaks the site’s language', () => {
    const email = renderEmail({ ...site, language: 'fr' }, 'ana@example.com', reply, 'k')
    expect(email.subject).toBe('Léa <script> a répondu sur «\u00a0Tea & "cake"\u00a0»')
    expect(email.text).toContain('Ne plus recevoir ces courriels')
    expect(email.html).toContain('<html lang="fr">')
    expect(email.headers['Content-Language']).toBe('fr')
  })

  it('keeps subjects on one line, so a name cannot add a header', () => {
    const email = renderEmail(site, 'a@example.com', { ...reply, name: 'Eve\r\nBcc: x@example.com' }, 'k')
    expect(email.subject).not.toMatch(/[\r\n]/)
  })

  it('offers one-click unsubscribe only on HTTPS, and on plain HTTP for localhost', () => {
    const http = renderEmail(site, 'a@example.com', { ...reply, unsubscribeUrl: 'http://blog.example/notify/unsubscribe?s=1&t=x' }, 'k')
    expect(http.headers['List-Unsubscribe']).toBeUndefined()
    expect(http.headers['List-Unsubscribe-Post']).toBeUndefined()
    const local = renderEmail(site, 'a@example.com', { ...reply, unsubscribeUrl: 'http://localhost:8787/notify/unsubscribe?s=1&t=x' }, 'k')
    expect(local.headers['List-Unsubscribe']).toBe('<http://localhost:8787/notify/unsubscribe?s=1&t=x>')
  })

  it('tells the author about a held comment with links to it and to the moderation page, and no unsubscribe headers', () => {
    const email = renderEmail(site, 'me@blog.example', {
      kind: 'author',
      name: 'Léa',
      postTitle: 'Tea',
      body: 'Hello',
      commentUrl: 'https://blog.example/posts/tea/comments/12',
      adminUrl: 'https://blog.example/admin',
      held: true,
    }, 'k')
    expect(email.subject).toBe('To moderate: new comment by Léa on “Tea”')
    expect(email.text).toContain('This comment waits for your approval.')
    expect(email.text).toContain('https://blog.example/admin')
    expect(email.text).toContain('https://blog.example/posts/tea/comments/12')
    expect(email.headers['List-Unsubscribe']).toBeUndefined()
  })

  it('asks for confirmation with one link and says when it expires', () => {
    const email = renderEmail(site, 'new@example.com', { kind: 'confirm', confirmUrl: 'https://blog.example/notify/confirm?a=1&t=x', validDays: 7, manageUrl: 'https://blog.example/notify/subscriptions?a=1&t=m' }, 'k')
    expect(email.subject).toBe('Confirm your email for Carnets')
    expect(email.text).toContain('https://blog.example/notify/confirm?a=1&t=x')
    expect(email.text).toContain('The link works for 7 days.')
    expect(email.text).toContain('Manage my subscriptions: https://blog.example/notify/subscriptions?a=1&t=m')
    expect(email.headers['List-Unsubscribe']).toBeUndefined()
  })
})

describe('excerpt', () => {
  it('cuts long text on a code point, never inside an emoji', () => {
    const text = `${'a'.repeat(9)}😀😀`
    expect(excerpt(text, 10)).toBe(`${'a'.repeat(9)}😀…`)
    expect(excerpt('  short  ')).toBe('short')
  })
})
