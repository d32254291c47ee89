import type { MiddlewareHandler } from 'hono'
import { bearerAuth } from 'hono/bearer-auth'
import { timingSafeEqual } from 'hono/utils/buffer'
import type { AppEnv } from '../env'

/** Whether `token` is the admin token; constant time, and never true when none is configured. */
export async function isAdminToken(token: string | undefined, adminToken: string | undefined): Promise<boolean> {
  if (!token || !adminToken) return false
  return timingSafeEqual(token, adminToken)
}

/** The bearer token of an `Authorization` header, if it carries one. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')
  return match?.[1]
}

const unauthorized = (message: string) => ({ error: { code: 'unauthorized', message } })

/** Guards the JSON admin API: `Authorization: Bearer <ADMIN_TOKEN>` only (no cookie, so no CSRF). */
export function requireAdminToken(): MiddlewareHandler<AppEnv> {
  return bearerAuth({
    verifyToken: (token, c) => isAdminToken(token, c.env.ADMIN_TOKEN),
    noAuthenticationHeader: { message: unauthorized('Send the admin token as "Authorization: Bearer <ADMIN_TOKEN>".') },
    invalidAuthenticationHeader: { message: unauthorized('The Authorization header must be "Bearer <ADMIN_TOKEN>".') },
    invalidToken: { message: unauthorized('That admin token is not valid.') },
  })
}
