import hljs from './hljs.js'

/**
 * Code of a fenced block in a language highlight.js knows, as its HTML: the text escaped, tokens
 * wrapped in `<span class="hljs-…">` (classes only: the CSP forbids inline styles, and the
 * colours live in the stylesheet, `src/views/highlight-styles.ts`). Null for no language or an
 * unknown one, which the renderer leaves plain. Runs in the publish tool only: highlight.js
 * never reaches the Worker.
 */
export function highlightCode(code: string, language: string | undefined): string | null {
  if (!language || !hljs.getLanguage(language)) return null
  return hljs.highlight(code, { language, ignoreIllegals: true }).value
}
