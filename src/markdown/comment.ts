import xss, { type FilterXSS } from 'xss'
import { renderCommentMarkdown } from './comment-markdown'
import { escapeHtml } from './comment-text'

/**
 * The one renderer for untrusted text (reader comments). A small markdown subset: paragraphs,
 * line breaks, emphasis, strong, inline code, code blocks, links and blockquotes. Raw HTML,
 * headings, rules, lists, tables, strikethrough and images are shown as the text that was typed.
 * The HTML then passes an allowlist sanitizer: the markdown layer is not trusted to be the wall.
 */

/**
 * Bump when the output of `renderComment` changes for some input: stored HTML is re-rendered.
 * 2: the linear renderer (differs from marked only on the classes listed in
 * test/unit/comment-markdown-oracle.test.ts).
 */
export const COMMENT_RENDER_VERSION = 2

const LINK_REL = 'nofollow ugc noopener'

// Named references that matter for a scheme; unknown ones stay as typed, which is safe because the
// value emitted is exactly the value checked (its `&` re-escaped).
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", Tab: '\t', NewLine: '\n', colon: ':', sol: '/',
  period: '.', lpar: '(', rpar: ')', nbsp: '\u00a0',
}

function codePoint(n: number): string {
  return n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff) ? String.fromCodePoint(n) : '\ufffd'
}

/** Decodes character references once, as a browser decodes an attribute value. */
function decodeEntities(value: string): string {
  if (!value.includes('&')) return value
  return value.replace(/&(?:#(\d{1,8})|#x([0-9a-f]{1,8})|([a-z]{2,8}));?/gi, (ref, dec, hex, name) => {
    if (dec) return codePoint(Number.parseInt(dec, 10))
    if (hex) return codePoint(Number.parseInt(hex, 16))
    return NAMED[name] !== undefined && ref.endsWith(';') ? NAMED[name] : ref
  })
}

/**
 * The URL a browser would follow for this href, when it is http, https or mailto; else null.
 * Follows the URL standard's clean-up (tab and newline removed anywhere, C0 controls and spaces
 * trimmed) after entity decoding, and compares the scheme case-insensitively.
 */
export function safeHref(href: string): string | null {
  const decoded = decodeEntities(href)
  // Without a control or a space both clean-ups are the identity: most hrefs skip them.
  const url = /[\x00-\x20]/.test(decoded)
    ? decoded.replace(/[\t\n\r]/g, '').replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '')
    : decoded
  return /^(?:https?|mailto):/i.test(url) ? url : null
}

const ALLOWED: Record<string, string[]> = { p: [], br: [], em: [], strong: [], code: [], pre: [], blockquote: [], a: ['href'] }

/** The `href` attribute to keep for a link's value, or '' to drop it. */
function hrefAttribute(value: string): string {
  const url = safeHref(decodeEntities(value))
  return url === null ? '' : `href="${escapeHtml(url)}"`
}

// Allowed tags exactly as the markdown layer writes them. For these xss's output is the tag
// itself, or `<a` + hrefAttribute + `>`: it trims a value with no whitespace to itself and keeps
// no attribute for ''. Answering them in onTag skips its attribute parser, most of its cost per
// tag (a comment can hold 1,250 links); any other spelling takes xss's own path.
const BARE_TAGS = new Set(Object.keys(ALLOWED).flatMap((tag) => [`<${tag}>`, `</${tag}>`]))
const LINK_TAG = /^<a href="([^"\s]*)">$/

// xss is CommonJS; its class is a property of the default export under esbuild, Vite and Node alike.
const { FilterXSS: Filter } = xss as unknown as { FilterXSS: typeof FilterXSS }
const sanitizer = new Filter({
  whiteList: ALLOWED,
  css: false,
  // xss's own text escape (`<` and `>` only), tested first: most text between tags has neither.
  escapeHtml: (text) => (/[<>]/.test(text) ? text.replace(/</g, '&lt;').replace(/>/g, '&gt;') : text),
  onTag(_tag, html) {
    if (BARE_TAGS.has(html)) return html
    const link = LINK_TAG.exec(html)
    if (!link) return undefined
    const attribute = hrefAttribute(link[1]!)
    return attribute ? `<a ${attribute}>` : '<a>'
  },
  onTagAttr(tag, name, value) {
    return tag === 'a' && name === 'href' ? hrefAttribute(value) : undefined
  },
})

/**
 * Passes HTML through the comment allowlist: only p, br, em, strong, code, pre, blockquote and
 * a (http, https or mailto href), every link with `rel="nofollow ugc noopener"`; anything else is
 * escaped to text. Idempotent on its own output.
 */
export function sanitizeCommentHtml(html: string): string {
  // Text `<` is escaped by the sanitizer, so every `<a` left is a link tag.
  return sanitizer.process(html).replace(/<a(?=[\s>])/g, `<a rel="${LINK_REL}"`)
}

/** Renders a comment's source text to sanitized HTML, safe to insert raw. Never throws. */
export function renderComment(text: string): string {
  let html: string
  try {
    html = renderCommentMarkdown(text, safeHref)
  } catch {
    html = `<p>${escapeHtml(text)}</p>\n`
  }
  return sanitizeCommentHtml(html)
}

/** Links in rendered comment HTML (for the links-per-comment threshold). */
export function countLinks(html: string): number {
  return html.match(/<a[\s>]/g)?.length ?? 0
}
