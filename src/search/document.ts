import type { PageMeta, PostMeta } from '../content/types'
import { pagePath, postPath } from '../urls'

/**
 * What the search index holds of one public page of the site, whatever kind it is: the index
 * writer (src/cli/search-index.ts) takes these and nothing more specific, so that pages join
 * posts by building documents of their own.
 */
export interface SearchDocument {
  kind: 'post' | 'page'
  slug: string
  /** Root-relative path of the page a result links to. */
  path: string
  title: string
  tags: string[]
  /** Plain text. */
  summary: string
  /** The page's text as readers see it: no markup, entities decoded. */
  text: string
  /** ISO 8601 instant from which readers may see it: a result is hidden until then. */
  date: string
  lang?: string
}

/**
 * Characters that mark the matched words in a snippet (FTS5 `snippet()`): private-use code
 * points, so no text can contain them once `cleanText` has run, and the Worker turns them into
 * `<mark>` only after escaping everything else (src/search/snippet.ts).
 */
export const MARK_START = '\uE000'
export const MARK_END = '\uE001'

/** The document of a published post (never a draft: the caller leaves those out), from its rendered HTML. */
export function postDocument(meta: PostMeta, html: string): SearchDocument {
  return {
    kind: 'post',
    slug: meta.slug,
    path: postPath(meta.slug),
    title: meta.title,
    tags: meta.tags,
    summary: meta.summary,
    text: htmlToText(html),
    date: meta.date,
    ...(meta.lang && { lang: meta.lang }),
  }
}

/**
 * Pages have no date: their documents carry the epoch, so they are found from the start, rank
 * after posts of equal relevance (ties go newest first), and show no date among the results.
 */
export const PAGE_DATE = new Date(0).toISOString()

/** The document of a published page (never a draft), from its rendered HTML. */
export function pageDocument(meta: PageMeta, html: string): SearchDocument {
  return {
    kind: 'page',
    slug: meta.slug,
    path: pagePath(meta.slug),
    title: meta.title,
    tags: [],
    summary: meta.summary,
    text: htmlToText(html),
    date: PAGE_DATE,
    ...(meta.lang && { lang: meta.lang }),
  }
}

/** Inline elements: their tags join the text around them (`r<em>é</em>ussite` is one word). */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr'])

/**
 * The text a reader sees in rendered post HTML: elements that show no text (script, style,
 * template), comments, heading anchors (`#`) and footnote back-links (`↩`) are dropped, block
 * tags become spaces, entities are decoded, whitespace collapsed.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|template|svg)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<a\b[^>]*(?:class="anchor"|data-footnote-backref)[^>]*>[\s\S]*?<\/a>/gi, ' ')
    .replace(/<\/?([a-z][a-z0-9-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi, (_tag, name: string) => (INLINE.has(name.toLowerCase()) ? '' : ' '))
  return cleanText(decodeEntities(text))
}

/** `text` without the snippet marks (`MARK_START`, `MARK_END`) or control characters, whitespace collapsed. */
export function cleanText(text: string): string {
  return text
    .replace(/[\uE000\uE001\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', shy: '' }

function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? entity
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1))
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : entity
  })
}
