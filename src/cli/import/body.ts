import { commentTurndown, postTurndown, type UrlMapper } from './html-to-markdown'
import { expandShortcodes, type ShortcodeContext } from './shortcodes'
import { wpautop } from './wpautop'

/** A body in markdown, and the shortcodes it kept as text because the import does not know them. */
export interface ConvertedBody {
  markdown: string
  unknownShortcodes: string[]
}

const BLOCK_COMMENT = /<!--\s*\/?wp:[\s\S]*?-->/g
// A URL alone on its line: WordPress embeds it (oEmbed) when it shows a classic post.
const BARE_URL_LINE = /^[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*$/gm

/** Whether the body was written in the block editor (its HTML is final: no wpautop). */
export function isBlockContent(html: string): boolean {
  return /<!--\s*wp:/.test(html)
}

/**
 * A post's or page's `content:encoded` to markdown: shortcodes expanded (unknown ones kept
 * visibly), wpautop for classic-editor bodies, bare URL lines as links, `<!--more-->` and block
 * comments dropped, then turndown. URLs of images and links pass through `mapUrl`.
 */
export function convertPostBody(html: string, context: ShortcodeContext, mapUrl: UrlMapper): ConvertedBody {
  const unknown = new Set<string>()
  let text = expandShortcodes(html, context, (name) => unknown.add(name))
  if (isBlockContent(text)) text = text.replace(BLOCK_COMMENT, '')
  else text = wpautop(text.replace(BARE_URL_LINE, '<a href="$1">$1</a>'))
  text = text.replace(/<!--(?:more|nextpage|noteaser)[\s\S]*?-->/g, '')
  const markdown = postTurndown(mapUrl).turndown(text).replace(/\n{3,}/g, '\n\n').trim()
  return { markdown, unknownShortcodes: [...unknown].sort() }
}

const comments = commentTurndown()

/** A comment's HTML (WordPress adds paragraphs and line breaks when it shows one) to comment markdown. */
export function convertCommentBody(html: string): string {
  return comments.turndown(wpautop(html)).replace(/\n{3,}/g, '\n\n').trim()
}
