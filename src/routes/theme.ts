import { Hono } from 'hono'
import { cacheFor } from '../cache/policy'
import { LIST_TAG } from '../cache/tags'
import { stylesheetKey } from '../content/keys'
import type { AppEnv } from '../env'

/**
 * The site stylesheet (the accent and `content/theme.css`), from KV under the hash its URL
 * names. Any stored hash is served, not only the index's: during KV's propagation a location
 * may still send pages that name the previous one, whose key outlives that window. Cached at
 * the edge like pages (browsers revalidate with the ETag); an edit is a new URL, so no purge is
 * ever needed for it to show.
 */
export const theme = new Hono<AppEnv>()

theme.get('/theme/:file{[0-9a-f]{16}\\.css}', async (c) => {
  const hash = c.req.param('file').slice(0, -'.css'.length)
  const css = await c.env.CONTENT.get(stylesheetKey(hash), 'text')
  if (css === null) return c.notFound()
  cacheFor(c, [LIST_TAG])
  return c.body(css, 200, { 'Content-Type': 'text/css; charset=utf-8' })
})
