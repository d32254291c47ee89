import { Renderer, type RendererObject, type Token, type TokenizerAndRendererExtension } from 'marked'
import type { Footnotes } from 'marked-footnote'
import { mediaPath } from '../content/media-refs'
import { slugify } from '../content/slug'
import type { MediaSize } from '../content/types'
import type { UiStrings } from '../i18n/types'
import { highlightCode } from './highlight'

/** What one render of a post needs beyond its markdown; reset by `renderPost` before each. */
export interface RenderState {
  /** The site's host; links to other hosts are external. */
  host: string | undefined
  labels: UiStrings['markdown']
  /** Ids already given in this document. */
  ids: Set<string>
  /** Intrinsic sizes of media images, by root path (the content index's `media`). */
  media: Readonly<Record<string, MediaSize>> | undefined
  /** Images met so far in this document, the author's HTML ones included. */
  images: number
}

/**
 * Renderer overrides: heading ids and anchors, image sizes and loading, rel="noopener" on
 * external links, code highlighted by highlight.js, table alignment as classes.
 */
export function postRenderer(state: RenderState): RendererObject {
  return {
    heading({ tokens, depth }) {
      const text = plainText(tokens)
      const id = uniqueId(state.ids, headingSlug(text))
      const label = escapeHtml(state.labels.headingAnchor(text))
      const inner = this.parser.parseInline(tokens)
      // The anchor sits beside the heading, not inside it, so the heading's accessible name stays its text.
      return `<div class="heading"><h${depth} id="${id}">${inner}</h${depth}><a class="anchor" href="#${id}" aria-label="${label}">#</a></div>\n`
    },
    image(token) {
      const html = Renderer.prototype.image.call(this, token)
      if (!html.startsWith('<img ')) return html
      // The first image is likely on the first screen, where lazy loading delays it.
      const loading = state.images++ === 0 ? '' : ' loading="lazy"'
      return html.replace(/>$/, `${sizeAttributes(state.media, token.href)}${loading} decoding="async">`)
    },
    html({ text }) {
      // The author's own <img> tags keep what they say; a known media image that states no
      // size gets one, so its box is reserved before it loads.
      if (!/<img\b/i.test(text) || text.trimStart().startsWith('<!--')) return text
      return text.replace(/<img\b[^>]*>/gi, (tag) => {
        state.images++
        if (/\s(?:width|height)\s*=/i.test(tag)) return tag
        const src = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(tag)
        const sizes = src ? sizeAttributes(state.media, src[1] ?? src[2] ?? src[3]!) : ''
        return sizes ? tag.replace(/\s*\/?>$/, (end) => `${sizes}${end}`) : tag
      })
    },
    code({ text, lang }) {
      // The info string's first word names the language, as marked reads it.
      const language = /^\S*/.exec(lang ?? '')![0]
      const highlighted = highlightCode(text.replace(/\n$/, ''), language)
      // An unknown language (or none) stays plain: marked's own escaped block.
      if (highlighted === null) return false
      return `<pre><code class="hljs language-${escapeHtml(language)}">${highlighted}\n</code></pre>\n`
    },
    tablecell(token) {
      // marked writes align="…", obsolete in HTML and overridden by the stylesheet: a class instead.
      const tag = token.header ? 'th' : 'td'
      const align = token.align ? ` class="align-${token.align}"` : ''
      return `<${tag}${align}>${this.parser.parseInline(token.tokens)}</${tag}>\n`
    },
    link(token) {
      if (!isExternal(token.href, state.host)) return false
      return Renderer.prototype.link.call(this, token).replace(/^<a href="[^"]*"/, '$& rel="noopener"')
    },
  }
}

/** ` width="…" height="…"` for a media image whose size the index knows, else nothing. */
function sizeAttributes(media: RenderState['media'], href: string): string {
  const path = media && mediaPath(href)
  const size = path && Object.hasOwn(media, path) ? media[path] : undefined
  return size ? ` width="${size.width}" height="${size.height}"` : ''
}

/** Renders marked-footnote's list with localized labels (the extension fixes them at set-up). */
export function footnotesSection(state: RenderState): TokenizerAndRendererExtension {
  return {
    name: 'footnotes',
    renderer(token) {
      const { items } = token as unknown as Footnotes
      if (!items.length) return ''
      const list = items.map(({ label, content, refs }) => {
        const id = encodeURIComponent(label)
        const number = refs[0]?.id ?? ''
        const backLabel = escapeHtml(state.labels.backToReference(number))
        const backrefs = refs
          .map((_, i) => {
            const suffix = i ? `-${i + 1}` : ''
            const mark = i ? `↩<sup>${i + 1}</sup>` : '↩'
            return ` <a href="#footnote-ref-${id}${suffix}" data-footnote-backref aria-label="${backLabel}">${mark}</a>`
          })
          .join('')
        const body = this.parser.parse(content).trimEnd()
        const withBackrefs = body.endsWith('</p>') ? `${body.slice(0, -4)}${backrefs}</p>` : body + backrefs
        return `<li id="footnote-${id}">\n${withBackrefs}\n</li>\n`
      })
      const title = escapeHtml(state.labels.footnotes)
      return `<section class="footnotes" data-footnotes>\n<h2 id="footnote-label">${title}</h2>\n<ol>\n${list.join('')}</ol>\n</section>\n`
    },
  }
}

/** The text a reader sees in inline tokens, without markup (image alt text included). */
function plainText(tokens: Token[]): string {
  let text = ''
  for (const token of tokens) {
    if (token.type === 'html') continue
    if ('tokens' in token && token.tokens) text += plainText(token.tokens)
    else if ('text' in token && typeof token.text === 'string') text += decodeEntities(token.text)
  }
  return text.trim()
}

/** The heading's slug (see `slugify`), or `section` for a heading of emoji or punctuation alone. */
function headingSlug(text: string): string {
  const slug = slugify(text) || 'section'
  // footnote-* ids belong to the notes section.
  return slug.startsWith('footnote-') ? `section-${slug}` : slug
}

function uniqueId(ids: Set<string>, base: string): string {
  let id = base
  for (let n = 2; ids.has(id); n++) id = `${base}-${n}`
  ids.add(id)
  return id
}

function isExternal(href: string, host: string | undefined): boolean {
  if (!/^(?:https?:)?\/\//i.test(href)) return false
  try {
    return new URL(href, 'https://relative.invalid').host !== host
  } catch {
    return false
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? entity
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1))
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : entity
  })
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch)
}
