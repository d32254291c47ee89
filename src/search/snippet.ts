import { MARK_END, MARK_START } from './document'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/**
 * A snippet from the index as HTML: every character of the text escaped, and only the marks
 * FTS5 inserted (`MARK_START`, `MARK_END`, which the indexed text cannot contain) turned into
 * `<mark>` elements, always balanced. The indexed text is the author's, the marks are ours: no
 * markup of either kind can come through.
 */
export function snippetHtml(snippet: string): string {
  let html = ''
  let open = false
  for (const ch of snippet) {
    if (ch === MARK_START) {
      if (!open) html += '<mark>'
      open = true
    } else if (ch === MARK_END) {
      if (open) html += '</mark>'
      open = false
    } else html += ESCAPES[ch] ?? ch
  }
  return open ? `${html}</mark>` : html
}

/** The snippet as plain text (its marks removed). */
export function snippetText(snippet: string): string {
  return snippet.replace(/[\uE000\uE001]/g, '')
}

/** Whether FTS5 marked any word in `snippet`. */
export function hasMark(snippet: string): boolean {
  return snippet.includes(MARK_START)
}
