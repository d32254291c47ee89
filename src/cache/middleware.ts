import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'

export function edgeCache(): MiddlewareHandler<AppEnv> {
  return async function edgeCache(c, next) {
    await next()
  }
}
