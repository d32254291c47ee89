import type { Context } from 'hono'
import { deleteCookie, getCookie, getSignedCookie, setSignedCookie } from 'hono/cookie'
import type { AppEnv } from '../env'
import { bearerToken, isAdminToken } from './admin-token'
import { toBase64Url } from './hmac'
import { deleteSession, insertSession, isLiveSession } from './session-store'

/** The admin session cookie: HttpOnly, SameSite=Strict, `<expires>.<session id>` signed. */
export const SESSION_COOKIE = 'palabre_admin'
const SESSION_SECONDS = 12 * 60 * 60

/**
 * The key that signs session cookies. It is derived from ADMIN_TOKEN as well as SIGNING_KEY, so
 * rotating the admin token ends every session at once without touching D1; the label keeps a
 * session value from ever passing for another signature.
 */
const sessionSecret = (env: AppEnv['Bindings']) => `admin-session\n${env.ADMIN_TOKEN}\n${env.SIGNING_KEY}`

/** The session id of a cookie whose signature and expiry are good, else undefined. */
async function signedSessionId(c: Context<AppEnv>): Promise<string | undefined> {
  // No cookie (every reader's request): answered without crypto or D1.
  if (!c.env.SIGNING_KEY || !c.env.ADMIN_TOKEN || getCookie(c, SESSION_COOKIE) === undefined) return undefined
  const value = await getSignedCookie(c, sessionSecret(c.env), SESSION_COOKIE)
  const match = typeof value === 'string' ? /^(\d{1,15})\.([\w-]{22})$/.exec(value) : null
  if (!match || Number(match[1]) <= Date.now()) return undefined
  return match[2]
}

/**
 * Whether the request carries a valid admin credential: the bearer token, or a live session
 * cookie. Such a request is an admin request on any route: it skips rate limits and spam checks.
 * Only a correctly signed, unexpired cookie costs a D1 read (is the session still open?); when
 * D1 cannot answer, the request is not an admin request.
 */
export async function isAdminRequest(c: Context<AppEnv>): Promise<boolean> {
  if (await isAdminToken(bearerToken(c.req.header('Authorization')), c.env.ADMIN_TOKEN)) return true
  const sessionId = await signedSessionId(c)
  if (!sessionId) return false
  return isLiveSession(c.env.DB, sessionId, Date.now()).catch(() => false)
}

/** Opens an admin session after a correct sign-in: a row in D1 and the cookie that names it. */
export async function startAdminSession(c: Context<AppEnv>): Promise<void> {
  const now = Date.now()
  const expires = now + SESSION_SECONDS * 1000
  const sessionId = toBase64Url(crypto.getRandomValues(new Uint8Array(16)))
  await insertSession(c.env.DB, sessionId, now, expires)
  await setSignedCookie(c, SESSION_COOKIE, `${expires}.${sessionId}`, sessionSecret(c.env), {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure: new URL(c.req.url).protocol === 'https:',
    maxAge: SESSION_SECONDS,
  })
}

/** Ends the request's session on the server (its cookie is refused from now on) and clears it. */
export async function endAdminSession(c: Context<AppEnv>): Promise<void> {
  const sessionId = await signedSessionId(c)
  if (sessionId) await deleteSession(c.env.DB, sessionId)
  deleteCookie(c, SESSION_COOKIE, { path: '/' })
}
