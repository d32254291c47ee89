import { Lexer, Marked, type Token } from 'marked'

const walker = new Marked({ gfm: true })

/**
 * Root paths under `/media/` that a post's markdown links to or shows (images, links, and the
 * `src`, `href`, `poster` and `srcset` attributes of raw HTML), decoded, without query or
 * fragment. Code is not read.
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
      for (const m of token.text.matchAll(/\b(src|href|poster|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)) {
        const value = m[2] ?? m[3] ?? m[4]!
        // srcset: "a.png 1x, b.png 2x", a URL then a width or density per candidate.
        if (m[1]!.toLowerCase() === 'srcset') for (const candidate of value.split(',')) add(candidate.trim().split(/\s+/)[0]!)
        else add(value.trim())
      }
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
