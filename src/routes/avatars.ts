import { AUTHOR_AVATAR_SVG, AVATAR_KEY, identiconSvg } from '../comments/avatar'
import { AUTHOR_AVATAR_PATH } from '../urls'

/**
 * `/avatars/<key>.svg` and `/avatars/author.svg`, answered before the app runs: the picture is a
 * pure function of its path, so it reads nothing, is the same forever (`immutable`, a year in
 * every cache, Workers Cache included) and needs no purge. Anything else under `/avatars/` is
 * left to the app (a 404).
 */

const AVATAR_PATH = /^\/avatars\/([0-9a-f]{32})\.svg$/

const HEADERS = {
  'Content-Type': 'image/svg+xml; charset=utf-8',
  'Cache-Control': 'public, max-age=31536000, immutable',
  // Opened on its own, the SVG may run nothing and load nothing.
  'Content-Security-Policy': "default-src 'none'",
  'X-Content-Type-Options': 'nosniff',
}

/** The avatar `request` asks for, or null when it asks for something else. */
export function avatarResponse(request: Request): Response | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null
  // Every request passes here, cache hits first: most are no avatar, which the URL's text says
  // without parsing it (a request's URL is serialized, so its path is a part of that text).
  if (!request.url.includes('/avatars/')) return null
  const { pathname } = new URL(request.url)
  const key = AVATAR_PATH.exec(pathname)?.[1]
  const body = pathname === AUTHOR_AVATAR_PATH ? AUTHOR_AVATAR_SVG : key && AVATAR_KEY.test(key) ? identiconSvg(key) : null
  if (body === null) return null
  return new Response(request.method === 'HEAD' ? null : body, { headers: HEADERS })
}
