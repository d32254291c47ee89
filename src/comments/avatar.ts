import { hmac, toHex } from '../auth/hmac'

/**
 * Generated avatars without trackers: each commenter gets an identicon, a symmetric 5×5 pattern
 * in one colour, drawn from a key that is an HMAC (SIGNING_KEY) of their email, or of their name
 * when they gave none. The key is all the URL holds (`/avatars/<key>.svg`): unlike Gravatar's
 * plain hash of the email, nobody without the secret can test an address against it, and no
 * third party is asked for anything. The same commenter always gets the same picture; the
 * author's comments show the author's avatar instead.
 */

/** 128 bits of the HMAC, in lowercase hex: what the avatar path holds. */
export const AVATAR_KEY = /^[0-9a-f]{32}$/

/** The avatar key of a commenter: from the email (trimmed, lowercased) when there is one, else the name (NFC). */
export async function avatarKey(secret: string, who: { email: string | null; name: string }): Promise<string> {
  const email = who.email?.trim().toLowerCase()
  const message = email ? `avatar\nemail\n${email}` : `avatar\nname\n${who.name.normalize('NFC')}`
  return toHex(await hmac(secret, message)).slice(0, 32)
}

const hex = (n: number) => Math.round(n * 255).toString(16).padStart(2, '0')

/** An sRGB `#rrggbb` from hue (degrees), saturation and lightness (0–1). */
function hslHex(h: number, s: number, l: number): string {
  const k = (n: number) => (n + h / 30) % 12
  const a = s * Math.min(l, 1 - l)
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1))
  return `#${hex(f(0))}${hex(f(8))}${hex(f(4))}`
}

const svg = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 6 6" width="48" height="48" shape-rendering="crispEdges">${body}</svg>`

/**
 * The identicon of `key` (AVATAR_KEY), as an SVG document of a few hundred bytes: a light
 * background and the cells of a left-right symmetric 5×5 grid, coloured by the key. No script,
 * no style, no text: only a rect and a path. Pure and deterministic.
 */
export function identiconSvg(key: string): string {
  const bytes = key.match(/../g)!.map((pair) => Number.parseInt(pair, 16))
  const colour = hslHex(((bytes[0]! << 8) | bytes[1]!) % 360, 0.45 + (bytes[2]! % 20) / 100, 0.42 + (bytes[3]! % 12) / 100)
  let path = ''
  for (let i = 0; i < 15; i++) {
    const on = (bytes[4 + (i >> 3)]! >> (i & 7)) & 1
    if (!on) continue
    const x = i % 3
    const y = Math.floor(i / 3)
    path += `M${x + 0.5} ${y + 0.5}h1v1h-1z`
    if (x < 2) path += `M${4.5 - x} ${y + 0.5}h1v1h-1z`
  }
  return svg(`<rect width="6" height="6" fill="#eef0f3"/>${path && `<path fill="${colour}" d="${path}"/>`}`)
}

/**
 * The author's avatar when the site has no logo to show: the site's accent colour and a quill's
 * nib, the same on every site.
 */
export const AUTHOR_AVATAR_SVG = svg(
  '<rect width="6" height="6" fill="#0a58ca"/><path fill="#fdfcfa" d="M3 0.9L4.5 3.3L3.3 5.1H2.7L1.5 3.3Z"/>',
)
