import { Lexer, Marked, type Token } from 'marked'

const walker = new Marked({ gfm: true })

/** The `src` of every `<iframe>` in a post's raw HTML, as written; code is not read. */
export function iframeSources(markdown: string): string[] {
  const sources: string[] = []
  walker.walkTokens(new Lexer({ gfm: true }).lex(markdown), (token: Token) => {
    if (token.type !== 'html') return
    for (const tag of token.text.matchAll(/<iframe\b[^>]*>/gi)) {
      const src = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(tag[0])
      sources.push(src ? (src[1] ?? src[2] ?? src[3]!).trim() : '')
    }
  })
  return sources
}

/**
 * A warning for each iframe of `markdown` whose origin `embeds` (site.yaml, `https://host`
 * origins) does not list. The iframe is kept as written, since a post's HTML is the author's and
 * trusted; the CSP's `frame-src` is what stops it, so readers would see an empty, blocked frame.
 */
export function embedWarnings(file: string, markdown: string, embeds: readonly string[] = []): string[] {
  return iframeSources(markdown).flatMap((src) => {
    const origin = URL.canParse(src) ? new URL(src).origin : undefined
    if (origin && embeds.includes(origin)) return []
    const named = origin && origin !== 'null' ? origin : JSON.stringify(src)
    return [
      `${file}: an <iframe> from ${named} is not allowed by embeds: in site.yaml, so browsers will block it (add its host to embeds: if you trust it, such as embeds: [${origin && origin !== 'null' ? new URL(src).host : 'www.youtube-nocookie.com'}])`,
    ]
  })
}
