/**
 * A small XML writer for feeds and the sitemap. Every string that reaches the output goes through
 * `escapeXml`, which also drops what XML 1.0 cannot carry at all, so the document always parses.
 */

export interface XmlElement {
  name: string
  attrs: Record<string, string | undefined>
  children: XmlChild[]
}

/** Text, an element, a list of either, or nothing (skipped, so optional parts read inline: `a && el(…)`). */
export type XmlChild = XmlElement | string | undefined | null | false | XmlChild[]

// XML 1.0 §2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// With the `u` flag a lone surrogate is one code point in D800-DFFF, so it is matched too.
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu
const NAME = /^[A-Za-z_][\w.:-]*$/
const ENTITIES: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;',
  // In attribute values a parser turns raw tabs and newlines into spaces (XML 1.0 §3.3.3).
  '\t': '&#9;', '\n': '&#10;', '\r': '&#13;',
}

/** Removes the characters XML 1.0 forbids (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF). */
export function stripForbiddenXmlChars(text: string): string {
  return text.replace(FORBIDDEN, '')
}

/** Escapes `& < > " '` and drops forbidden characters: safe in text and in quoted attributes. */
export function escapeXml(text: string): string {
  return stripForbiddenXmlChars(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!)
}

function escapeAttr(value: string): string {
  return stripForbiddenXmlChars(value).replace(/[&<>"'\t\n\r]/g, (ch) => ENTITIES[ch]!)
}

/** An element; attributes whose value is undefined are left out. */
export function el(name: string, attrs: XmlElement['attrs'] = {}, ...children: XmlChild[]): XmlElement {
  if (!NAME.test(name)) throw new Error(`Invalid XML name: ${name}`)
  return { name, attrs, children }
}

/** The element as a UTF-8 XML document, with its declaration. */
export function renderXml(root: XmlElement): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${renderElement(root)}\n`
}

function renderElement({ name, attrs, children }: XmlElement): string {
  let open = `<${name}`
  for (const [key, value] of Object.entries(attrs)) {
    if (!NAME.test(key)) throw new Error(`Invalid XML attribute name: ${key}`)
    if (value !== undefined) open += ` ${key}="${escapeAttr(value)}"`
  }
  const parts = flatten(children)
  if (!parts.length) return `${open}/>`
  // Element-only content gets a newline between children for readable output; text stays exact.
  const separator = parts.every((part) => typeof part !== 'string') ? '\n' : ''
  const inner = parts.map((part) => (typeof part === 'string' ? escapeXml(part) : renderElement(part)))
  return `${open}>${separator}${inner.join(separator)}${separator}</${name}>`
}

function flatten(children: XmlChild[]): (XmlElement | string)[] {
  const out: (XmlElement | string)[] = []
  for (const child of children) {
    if (Array.isArray(child)) out.push(...flatten(child))
    // Empty text is dropped: `<x></x>` and `<x/>` are the same element.
    else if (child) out.push(child)
  }
  return out
}
