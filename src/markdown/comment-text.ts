/** HTML escaping shared by the comment renderer's layers, as marked does it for the same tokens. */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
// A test before the replace: most pieces (hrefs, addresses, words) have nothing to escape, and a
// `replace` with a callback costs several times a `test` even when it matches nothing.
const SPECIAL = /[&<>"']/

/** Escapes every `&<>"'`: for attribute values and code. */
export function escapeHtml(text: string): string {
  if (!SPECIAL.test(text)) return text
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!)
}

/** Escapes like `escapeHtml` but keeps an `&` that starts a character reference (marked's text rule). */
export function escapeText(text: string): string {
  if (!SPECIAL.test(text)) return text
  return text.replace(/[<>"']|&(?!(?:#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/g, (ch) => ESCAPES[ch]!)
}

/**
 * Plain text as marked renders it: numeric character references stand for their character (zero,
 * out of range and surrogates for U+FFFD, `&#38;` for `&amp;`), named ones are kept as typed.
 */
export function renderText(text: string): string {
  if (!text.includes('&#')) return escapeText(text)
  const decoded = text.replace(/&#(?:(\d{1,7})|[Xx]([A-Fa-f0-9]{1,6}));|&(?!(?:#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/g, (ref, dec?: string, hex?: string) => {
    if (dec === undefined && hex === undefined) return '&amp;'
    const code = dec === undefined ? Number.parseInt(hex!, 16) : Number.parseInt(dec, 10)
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd'
    return code === 38 ? '&amp;' : String.fromCodePoint(code)
  })
  return escapeText(decoded)
}
