import type { Context } from 'hono'
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie'
import type { AppEnv } from '../env'
import { bearerToken, isAdminToken } from './admin-token'

/** The admin session cookie: HttpOnly, SameSite=Strict, signed with SIGNING_KEY. */
export const SESSION_COOKIE = 'palabre_admin'
const SESSION_SECONDS = 12 * 60 * 60

/** A signing key of its own for sessions, so a session value can never pass for another signature. */
const sessionSecret = (signingKey: string) => `admin-session\n${signingKey}`

/**
 * Whether the request carries a valid admin credential: the bearer token, or a live session
 * cookie. Such a request is an admin request on any route: it skips rate limits and spam checks.
 */
export async function isAdminRequest(c: Context<AppEnv>): Promise<boolean> {
  if (await isAdminToken(bearerToken(c.req.header('Authorization')), c.env.ADMIN_TOKEN)) return true
  if (!c.env.SIGNING_KEY) return false
  const expires = await getSignedCookie(c, sessionSecret(c.env.SIGNING_KEY), SESSION_COOKIE)
  return typeof expires === 'string' && /^\d+$/.test(expires) && Number(expires) > Date.now()
}

/** Opens an admin session after a correct sign-in. */
export async function startAdminSession(c: Context<AppEnv>): Promise<void> {
  const expires = Date.now() + SESSION_SECONDS * 1000
  await setSignedCookie(c, SESSION_COOKIE, String(expires), sessionSecret(c.env.SIGNING_KEY), {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure: new URL(c.req.url).protocol === 'https:',
    maxAge: SESSION_SECONDS,
  })
}

export function endAdminSession(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' })
}
