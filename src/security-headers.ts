import { secureHeaders } from 'hono/secure-headers'

/** Security headers on every response, cache hits and error pages included. */
export function securityHeaders() {
  return secureHeaders()
}
