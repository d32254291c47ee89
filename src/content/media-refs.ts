import { Lexer, Marked, type Token } from 'marked'

const walker = new Marked({ gfm: true })

/**
 * Root paths under `/media/` that a post's markdown links to or shows (images, links, and
 * `src`/`href` attributes of raw HTML), decoded, without query or fragment. Code is not read.
 */
export function mediaReferences(markdown: string): string[] {
  const refs = new Set<string>()
  const add = (url: string) => {
    const path = mediaPath(url)
    if (path) refs.add(path)
  }
  walker.walkTokens(new Lexer({ gfm: true }).lex(markdown), (token: Token) => {
    if (token.type === 'image' || token.type === 'link') add(token.href)
    else if (token.type === 'html')
      for (const m of token.text.matchAll(/\b(?:src|href)\s*=\s*["']?([^"'\s>]+)/gi)) add(m[1]!)
  })
  return [...refs]
}

/**
 * The root path a URL names under `/media/` (decoded, without query or fragment), as the
 * content index keys media by; undefined for any other URL.
 */
export function mediaPath(url: string): string | undefined {
  return url.startsWith('/media/') ? safeDecodeUri(url.replace(/[?#].*$/, '')) : undefined
}

function safeDecodeUri(uri: string): string {
  try {
    return decodeURI(uri)
  } catch {
    return uri
  }
}
