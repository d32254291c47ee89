import type { Child } from 'hono/jsx'
import type { SiteConfig } from '../content/types'
import { notifyStrings, type NotifyStrings } from '../i18n'
import type { OutgoingEmail } from './types'

/** What one email says; the URLs are absolute and already signed. */
export type EmailContent =
  /**
   * `alsoPost`: the post's title, when the address is already confirmed for something else.
   * `manageUrl`: the address's page of subscriptions (in every reader's email).
   */
  | { kind: 'confirm'; confirmUrl: string; validDays: number; alsoPost?: string; manageUrl: string }
  | {
      kind: 'reply' | 'post'
      name: string
      postTitle: string
      body: string
      commentUrl: string
      unsubscribeUrl: string
      unsubscribeAllUrl: string
      manageUrl: string
    }
  | { kind: 'author'; name: string; postTitle: string; body: string; commentUrl: string; adminUrl: string; held: boolean }

const EXCERPT_CHARS = 500

/** The start of a comment's source text, cut on a code point (no half emoji). */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const chars = [...text.trim()]
  return chars.length > max ? `${chars.slice(0, max).join('').trimEnd()}…` : chars.join('')
}

/** A header value on one line: names and titles cannot break out into another header. */
const oneLine = (text: string) => text.replace(/[\r\n\t]+/g, ' ').trim()

/**
 * RFC 8058 wants one-click unsubscribe URIs on HTTPS, and providers refuse others; plain HTTP
 * is kept for localhost only, so the local mailbox still shows (and tests) the one-click POST.
 */
function oneClickAllowed(url: string): boolean {
  const { protocol, hostname } = new URL(url)
  return protocol === 'https:' || (protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(hostname))
}

/**
 * The email for `content` to `to`, in the site's language: subject, plain text, HTML, and
 * headers (`Auto-Submitted`, `Content-Language`, and for readers' notices `List-Unsubscribe` with
 * `List-Unsubscribe-Post: List-Unsubscribe=One-Click`, RFC 8058). Pure.
 */
export function renderEmail(site: SiteConfig, to: string, content: EmailContent, idempotencyKey: string): OutgoingEmail {
  const ui = notifyStrings(site.language)
  const headers: Record<string, string> = { 'Auto-Submitted': 'auto-generated', 'Content-Language': site.language }
  if ((content.kind === 'reply' || content.kind === 'post') && oneClickAllowed(content.unsubscribeUrl)) {
    headers['List-Unsubscribe'] = `<${content.unsubscribeUrl}>`
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click'
  }
  const { subject, paragraphs } = compose(site, ui, content)
  return {
    from: site.email.from,
    to,
    subject: oneLine(subject),
    text: `${paragraphs.map(toText).join('\n\n')}\n`,
    html: `<!DOCTYPE html>${(<EmailHtml lang={site.language} title={oneLine(subject)} paragraphs={paragraphs} />).toString()}`,
    headers,
    idempotencyKey,
  }
}

/** A paragraph of an email: words, a quoted comment, a link, or small print with links. */
type Paragraph =
  | { text: string }
  | { quote: string }
  | { link: string; label: string }
  | { small: string; links?: { href: string; label: string }[] }

function compose(site: SiteConfig, ui: NotifyStrings, content: EmailContent): { subject: string; paragraphs: Paragraph[] } {
  const t = ui.email
  if (content.kind === 'confirm' && content.alsoPost !== undefined) {
    return {
      subject: t.alsoSubject(content.alsoPost),
      paragraphs: [
        { text: t.alsoIntro(content.alsoPost, site.title) },
        { link: content.confirmUrl, label: t.alsoAction },
        { small: `${t.confirmExpiry(content.validDays)} ${t.alsoIgnore}`, links: [{ href: content.manageUrl, label: t.manage }] },
      ],
    }
  }
  if (content.kind === 'confirm') {
    return {
      subject: t.confirmSubject(site.title),
      paragraphs: [
        { text: t.confirmIntro(site.title) },
        { link: content.confirmUrl, label: t.confirmAction },
        { small: `${t.confirmExpiry(content.validDays)} ${t.confirmIgnore}`, links: [{ href: content.manageUrl, label: t.manage }] },
      ],
    }
  }
  if (content.kind === 'author') {
    return {
      subject: t.authorSubject(content.name, content.postTitle, content.held),
      paragraphs: [
        { text: t.authorIntro(content.name, content.postTitle) },
        { quote: excerpt(content.body) },
        ...(content.held ? [{ text: t.held }] : []),
        { link: content.commentUrl, label: t.readIt },
        { link: content.adminUrl, label: t.moderate },
        { small: t.whyAuthor },
      ],
    }
  }
  const reply = content.kind === 'reply'
  return {
    subject: (reply ? t.replySubject : t.postSubject)(content.name, content.postTitle),
    paragraphs: [
      { text: (reply ? t.replyIntro : t.postIntro)(content.name, content.postTitle) },
      { quote: excerpt(content.body) },
      { link: content.commentUrl, label: t.readIt },
      {
        small: reply ? t.whyReply : t.whyPost,
        links: [
          { href: content.unsubscribeUrl, label: t.stopThis },
          { href: content.unsubscribeAllUrl, label: t.stopAll(site.title) },
          { href: content.manageUrl, label: t.manage },
        ],
      },
    ],
  }
}

function toText(p: Paragraph): string {
  if ('quote' in p) return p.quote.split('\n').map((line) => `> ${line}`.trimEnd()).join('\n')
  if ('link' in p) return `${p.label}:\n${p.link}`
  if ('small' in p) return ['--', p.small, ...(p.links ?? []).map((l) => `${l.label}: ${l.href}`)].join('\n')
  return p.text
}

const FONT = 'font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.5;color:#1d2025'

/** The HTML part: one column, inline styles (mail clients drop stylesheets), every value escaped by JSX. */
function EmailHtml(props: { lang: string; title: string; paragraphs: Paragraph[] }) {
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
      </head>
      <body style={`margin:0;padding:16px;${FONT}`}>
        <div style="max-width:560px;margin:0 auto">{props.paragraphs.map(toHtml)}</div>
      </body>
    </html>
  )
}

function toHtml(p: Paragraph): Child {
  if ('quote' in p) {
    return <blockquote style="margin:0 0 16px;padding:0 0 0 12px;border-left:3px solid #d9dce1;white-space:pre-wrap">{p.quote}</blockquote>
  }
  if ('link' in p) {
    return (
      <p style="margin:0 0 16px">
        <a href={p.link} style="color:#0a58ca">{p.label}</a>
      </p>
    )
  }
  if ('small' in p) {
    return (
      <p style="margin:24px 0 0;font-size:13px;color:#555b64">
        {p.small}
        {(p.links ?? []).map((l) => (
          <>
            <br />
            <a href={l.href} style="color:#555b64">{l.label}</a>
          </>
        ))}
      </p>
    )
  }
  return <p style="margin:0 0 16px">{p.text}</p>
}
