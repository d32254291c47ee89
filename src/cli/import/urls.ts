/** `url` (absolute, or root-relative to the old blog) as a URL, or null when it does not parse. */
export function resolveOld(url: string, blogUrl: string): URL | null {
  try {
    return new URL(url, blogUrl.endsWith('/') ? blogUrl : `${blogUrl}/`)
  } catch {
    return null
  }
}

/** Percent-decodes a WordPress slug (`caf%c3%a9` → `café`), NFC; the slug as given when it does not decode. */
export function decodeSlug(name: string): string {
  try {
    return decodeURIComponent(name).normalize('NFC')
  } catch {
    return name.normalize('NFC')
  }
}

/** `/wp-content/uploads/2016/03/a.png` → `2016/03/a.png` (decoded); null for any other URL. */
export function uploadPath(url: URL): string | null {
  const m = /\/wp-content\/uploads\/(.+)$/.exec(url.pathname)
  if (!m) return null
  const rel = decodeSlug(m[1]!)
  return rel.split('/').some((part) => part === '..' || part === '' || part === '.') ? null : rel
}
