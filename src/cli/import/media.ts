import { uploadPath, resolveOld } from './urls'

/**
 * Where each upload the posts show goes: `--uploads <dir>` holds WordPress's `wp-content/uploads`
 * tree; a file found there is copied to `content/media/<same path>` and linked as `/media/…`.
 * A resized copy WordPress made (`photo-300x200.jpg`) that the folder lacks falls back to its
 * original. What is not found keeps its original, absolute URL and is listed.
 */
export interface MediaResolver {
  /** The new URL of an image or link (unchanged when it is not an upload, or the upload is missing). */
  map(url: string): string
  /** Uploads found: relative path in uploads → relative path in content/media. */
  found: Map<string, string>
  missing: Set<string>
}

export function mediaResolver(blogUrl: string, exists: (relative: string) => boolean): MediaResolver {
  const found = new Map<string, string>()
  const missing = new Set<string>()
  const map = (url: string): string => {
    const resolved = resolveOld(url, blogUrl)
    if (!resolved || (resolved.origin !== new URL(blogUrl).origin && !/\/wp-content\/uploads\//.test(resolved.pathname))) return url
    const rel = uploadPath(resolved)
    if (rel === null) return url
    const candidates = [rel, rel.replace(/-\d+x\d+(\.\w+)$/, '$1')]
    const hit = candidates.find((candidate) => found.has(candidate) || exists(candidate))
    if (hit === undefined) {
      missing.add(resolved.href)
      return resolved.href
    }
    found.set(hit, hit)
    return `/media/${hit.split('/').map(encodeURIComponent).join('/')}`
  }
  return { map, found, missing }
}
