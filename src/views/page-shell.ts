/**
 * A page as UTF-8 bytes, from a shell rendered once per isolate around its large changing part
 * (the thread's HTML): for the pages a cache miss of a discussion serves, where rendering the page
 * around the discussion cost the Worker more than its reads (README, "Notes for maintainers").
 * The bytes are those of rendering the whole page, by construction: the shell is the page
 * rendered with a marker in place of each part, which the components insert verbatim (`raw`),
 * cut at the markers.
 */

const utf8 = new TextEncoder()

/** What `render` gets in place of part `i`: a string no page holds (a page holds no NUL), checked. */
const marker = (i: number) => `\u0000palabre-part-${i}\u0000`
const MARKED = '\u0000palabre-part-'

/**
 * A page rendered once: the large strings it was rendered with and holds (`held`, the post's
 * HTML), and its bytes between the parts; no pieces when it could not be cut at the markers
 * (it is then rendered whole every time).
 */
interface Shell {
  held: readonly string[]
  pieces: Uint8Array[] | null
}

/** Shells by the site object (a new index is a new object) and by the key of everything else. */
const shells = new WeakMap<object, Map<string, Shell>>()

/** Shells kept per site: the pages of discussions readers open at once, and a few of their pages. */
const SHELLS_PER_SITE = 64

/** What to render: `key` names everything the page depends on besides the site, `held` and `parts`. */
export interface PageParts {
  key: string
  /** Large strings the page holds (the post's HTML), compared with those of the shell kept. */
  held: readonly string[]
  /** The parts that change from view to view (a page of a thread's HTML), none of them ''. */
  parts: readonly string[]
}

/**
 * The bytes of `render(parts)`. `render` must insert each part once, unchanged, and read it
 * nowhere else. The first call for a key (or with other `held` strings) renders with markers and
 * keeps the shell; later calls join it to the parts. A render that returns null (no such page)
 * is not kept.
 */
export function pageBytes(site: object, page: PageParts, render: (parts: readonly string[]) => string | null): Uint8Array | null {
  let byKey = shells.get(site)
  if (!byKey) shells.set(site, (byKey = new Map()))
  let shell = byKey.get(page.key)
  if (!shell || !sameStrings(shell.held, page.held)) {
    const html = render(page.parts.map((_, i) => marker(i)))
    if (html === null) return null
    shell = { held: page.held, pieces: cut(html, page.parts.length) }
    if (byKey.size >= SHELLS_PER_SITE) byKey.clear()
    byKey.set(page.key, shell)
  }
  if (!shell.pieces) return encoded(render(page.parts))
  return join(shell.pieces, page.parts.map(encodePart))
}

/** `html` as UTF-8 bytes; null stays null. */
export function encoded(html: string | null): Uint8Array | null {
  return html === null ? null : utf8.encode(html)
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i])
}

/** `html`'s bytes cut at the markers of parts 0 to `count` - 1, each there once and in order; else null. */
function cut(html: string, count: number): Uint8Array[] | null {
  const pieces: string[] = []
  let from = 0
  for (let i = 0; i < count; i++) {
    const at = html.indexOf(marker(i), from)
    if (at === -1) return null
    pieces.push(html.slice(from, at))
    from = at + marker(i).length
  }
  pieces.push(html.slice(from))
  return pieces.some((piece) => piece.includes(MARKED)) ? null : pieces.map((piece) => utf8.encode(piece))
}

/**
 * Parts encoded already, by their text: the thread's HTML a stored page gives is the same string
 * view after view (src/comments/discussion-pages.ts keeps it), so it is encoded once per isolate.
 */
const encodedParts = new Map<string, Uint8Array>()
let encodedBytes = 0
const ENCODED_BYTES = 8_000_000

function encodePart(part: string): Uint8Array {
  let bytes = encodedParts.get(part)
  if (!bytes) {
    bytes = utf8.encode(part)
    if (encodedBytes + bytes.length > ENCODED_BYTES) {
      encodedParts.clear()
      encodedBytes = 0
    }
    encodedParts.set(part, bytes)
    encodedBytes += bytes.length
  }
  return bytes
}

/** The shell's pieces with the parts between them, in one buffer. */
function join(pieces: Uint8Array[], parts: Uint8Array[]): Uint8Array {
  let length = 0
  for (const piece of pieces) length += piece.length
  for (const part of parts) length += part.length
  const bytes = new Uint8Array(length)
  let at = 0
  for (let i = 0; i < pieces.length; i++) {
    bytes.set(pieces[i]!, at)
    at += pieces[i]!.length
    const part = parts[i]
    if (part) {
      bytes.set(part, at)
      at += part.length
    }
  }
  return bytes
}
