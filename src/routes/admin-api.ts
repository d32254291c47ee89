import { Hono } from 'hono'
import * as z from 'zod'
import { requireAdminToken } from '../auth/admin-token'
import { purgeTags } from '../cache/purge'
import type { AppEnv } from '../env'
import { apiError } from './api-error'

export const adminApi = new Hono<AppEnv>()

adminApi.use(requireAdminToken())

const PurgeRequest = z.object({
  tags: z.array(z.string().min(1).max(1024)).min(1).max(1000),
})

/** What the Node publish tool calls: zone-level purges do not reach Workers Cache. */
adminApi.post('/purge', async (c) => {
  const parsed = PurgeRequest.safeParse(await c.req.json().catch(() => undefined))
  if (!parsed.success) {
    return apiError(c, 400, {
      code: 'invalid_request',
      message: 'Send JSON {"tags": ["post:<slug>", …]} with 1 to 1000 non-empty tags.',
    })
  }
  const index = c.get('index')
  const origins = [new URL(c.req.url).origin, new URL(index.site.baseUrl).origin]
  const deleted = await purgeTags(c.executionCtx as ExecutionContext, parsed.data.tags, { origins, index })
  return c.json({ purged: parsed.data.tags, deleted })
})
