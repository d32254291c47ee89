import { formatDateTime } from '../i18n'

/**
 * A comment's `<time>` element, memoized per locale, time zone and instant: formatting is the
 * largest per-comment cost of a page (`Intl.DateTimeFormat#format`, about 1.6 µs), and every
 * uncached view of a thread formats the same instants again. Text escaped as `Thread` escapes.
 */
export function commentDateHtml(ms: number, locale: string, timeZone: string): string {
  const key = `${locale}|${timeZone}`
  let memo = memos.get(key)
  if (!memo) memos.set(key, (memo = new Map()))
  let html = memo.get(ms)
  if (html === undefined) {
    // Bounded: a busy isolate serving many long threads starts over rather than growing.
    if (memo.size >= MEMO_LIMIT) memo.clear()
    html = `<time datetime="${new Date(ms).toISOString()}">${escapeText(formatDateTime(ms, locale, timeZone))}</time>`
    memo.set(ms, html)
  }
  return html
}

/** Instants kept per locale and time zone (a few hundred kilobytes at most). */
const MEMO_LIMIT = 5_000
const memos = new Map<string, Map<number, string>>()

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!)
}
