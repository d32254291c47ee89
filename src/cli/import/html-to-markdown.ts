import { gfm } from '@joplin/turndown-plugin-gfm'
import TurndownService from 'turndown'

/**
 * WordPress HTML to clean markdown with turndown and its GFM plugin (tables, strikethrough),
 * plus rules for what WordPress writes: figures with captions, galleries, block embeds (the URL
 * kept as a link), iframes, and code blocks with their language however the editor or a
 * highlighter plugin spelt it.
 */

/** Rewrites a URL found in the HTML (an upload to `/media/…`, an old permalink to its new path). */
export type UrlMapper = (url: string, kind: 'image' | 'link') => string

/** The little of the DOM the rules read (turndown's Node parser, domino, provides it; no DOM lib here). */
interface Element {
  nodeName: string
  textContent: string | null
  getAttribute(name: string): string | null
  querySelector(selector: string): Element | null
}

const el = (node: TurndownService.Node) => node as unknown as Element

function attr(node: TurndownService.Node, name: string): string {
  return el(node).getAttribute?.(name) ?? ''
}

/** The language of a code block: `language-x` / `lang-x` classes, `lang=`, SyntaxHighlighter's `brush: x`. */
export function codeLanguage(pre: Element): string {
  const code = pre.querySelector('code')
  for (const e of [code, pre]) {
    if (!e) continue
    const cls = e.getAttribute('class') ?? ''
    const lang = e.getAttribute('lang') || e.getAttribute('data-lang') || /(?:^|\s)(?:language|lang)-([\w+#.-]+)/.exec(cls)?.[1] || /brush:\s*([\w+#-]+)/.exec(cls)?.[1]
    if (lang) return lang.toLowerCase()
  }
  return ''
}

function fence(code: string, lang: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length))
  const ticks = '`'.repeat(longest + 1)
  return `\n\n${ticks}${lang}\n${code.replace(/\n$/, '')}\n${ticks}\n\n`
}

/** A caption in italics, with the delimiter its own emphasis does not use. */
const emphasis = (text: string) => (text.includes('*') ? `_${text}_` : `*${text}*`)

const escapeTitle = (text: string) => text.replace(/"/g, '\\"')

export function postTurndown(mapUrl: UrlMapper): TurndownService {
  const td = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*', hr: '---', br: '\\' })
  td.use(gfm)
  td.remove(['script', 'style', 'noscript'])
  // turndown tries the rules added last first: general ones come before the specific ones.
  td.addRule('figure', {
    filter: ['figure', 'cite'],
    replacement: (content, node) => (node.nodeName === 'CITE' ? `— ${content}` : `\n\n${content.trim()}\n\n`),
  })
  // A figure is its image (or table, or gallery) with its caption in italics below.
  td.addRule('figcaption', {
    filter: 'figcaption',
    replacement: (content) => (content.trim() ? `\n\n${emphasis(content.trim())}\n\n` : ''),
  })
  td.addRule('iframe', {
    filter: 'iframe',
    replacement: (_content, node) => (attr(node, 'src') ? `\n\n[${attr(node, 'src')}](${attr(node, 'src')})\n\n` : ''),
  })
  // A block embed: WordPress keeps the URL as the text of its wrapper; a link is what survives.
  td.addRule('embed', {
    filter: (node) => node.nodeName === 'FIGURE' && /\bwp-block-embed\b/.test(attr(node, 'class')),
    replacement: (_content, node) => {
      const figure = el(node)
      const url = figure.querySelector('.wp-block-embed__wrapper')?.textContent?.trim() ?? ''
      const caption = figure.querySelector('figcaption')?.textContent?.trim()
      return `\n\n[${url}](${url})${caption ? `\n\n${emphasis(td.escape(caption))}` : ''}\n\n`
    },
  })
  td.addRule('link', {
    filter: (node) => node.nodeName === 'A' && attr(node, 'href') !== '',
    replacement: (content, node) => {
      const href = mapUrl(attr(node, 'href'), 'link').replace(/[()\s]/g, encodeURIComponent)
      return content.trim() ? `[${content}](${href})` : ''
    },
  })
  td.addRule('image', {
    filter: 'img',
    replacement: (_content, node) => {
      const src = attr(node, 'src')
      if (!src) return ''
      const title = attr(node, 'title')
      return `![${td.escape(attr(node, 'alt')).replace(/\n+/g, ' ')}](${mapUrl(src, 'image').replace(/[()\s]/g, encodeURIComponent)}${title ? ` "${escapeTitle(title)}"` : ''})`
    },
  })
  td.addRule('code-block', {
    filter: (node) => node.nodeName === 'PRE',
    replacement: (_content, node) => fence(el(node).textContent ?? '', codeLanguage(el(node))),
  })
  // Block galleries list their images: each image becomes a paragraph of its own.
  td.addRule('gallery-item', {
    filter: (node) => node.nodeName === 'LI' && /\bblocks-gallery-item\b/.test(attr(node, 'class')),
    replacement: (content) => `\n\n${content.trim()}\n\n`,
  })
  td.addRule('gallery-list', {
    filter: (node) => node.nodeName === 'UL' && /\bblocks-gallery-grid\b/.test(attr(node, 'class')),
    replacement: (content) => `\n\n${content.trim()}\n\n`,
  })
  return td
}

/**
 * A comment's HTML to the comment markdown subset: WordPress lets commenters use a handful of
 * tags (a, b, strong, i, em, code, blockquote, q, del…); images and other HTML keep their text
 * only. The result is rendered by the comment renderer like any reader's text.
 */
export function commentTurndown(): TurndownService {
  const td = new TurndownService({ emDelimiter: '*', codeBlockStyle: 'fenced', br: '' })
  td.remove(['script', 'style', 'noscript'])
  td.addRule('br', { filter: 'br', replacement: () => '\n' })
  td.addRule('image', { filter: 'img', replacement: (_c, node) => td.escape(attr(node, 'alt')) })
  td.addRule('link', {
    filter: (node) => node.nodeName === 'A',
    replacement: (content, node) => {
      const href = attr(node, 'href')
      return /^(?:https?|mailto):/i.test(href) && content.trim() ? `[${content}](${href.replace(/[()\s]/g, encodeURIComponent)})` : content
    },
  })
  return td
}
