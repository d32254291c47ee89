import { Hono } from 'hono'
import { requireAdminToken } from '../auth/admin-token'
import { banCommenter, liftBan, parseBanTarget } from '../comments/bans'
import { countMoves, listBans, type BanRow } from '../comments/bans-store'
import { parseId } from '../db/ids'
import type { AppEnv } from '../env'
import { apiError } from './errors'

/**
 * The bans as JSON under /api/admin (bearer token only): `POST /bans` with `{commentId}` or
 * `{email}` (201 with the new ban; 200 with the existing one when that poster is banned already),
 * `GET /bans`, `DELETE /bans/<id>` (lifts it and restores the comments it sent to spam).
 */
export const bansApi = new Hono<AppEnv>()

for (const path of ['/bans', '/bans/*']) bansApi.use(path, requireAdminToken())

/** Most bans listed at once. */
const LIST_LIMIT = 500

/** A ban as the admin sees it: whether it covers an IP, never the IP's HMAC. */
function adminBan(ban: BanRow, moved?: number) {
  return {
    id: ban.id,
    email: ban.email,
    byIp: ban.ipHmac !== null,
    commentId: ban.commentId,
    createdAt: new Date(ban.createdAt).toISOString(),
    ...(moved !== undefined && { moved }),
  }
}

bansApi.post('/bans', async (c) => {
  const parsed = parseBanTarget(await c.req.json().catch(() => undefined))
  if (!parsed.ok) return apiError(c, parsed.error)
  const result = await banCommenter(c.env.DB, parsed.target)
  if (!result.ok) return apiError(c, result.error)
  const { ban, created, moved } = result.outcome
  return c.json({ ban: adminBan(ban), created, moved }, created ? 201 : 200)
})

bansApi.get('/bans', async (c) => {
  const bans = await listBans(c.env.DB, LIST_LIMIT)
  const moved = await countMoves(c.env.DB, bans.map((ban) => ban.id))
  return c.json({ bans: bans.map((ban) => adminBan(ban, moved.get(ban.id))) })
})

bansApi.delete('/bans/:id', async (c) => {
  const id = parseId(c.req.param('id'))
  const lifted = id === null ? null : await liftBan(c.env.DB, id)
  if (!lifted) return apiError(c, { code: 'not_found', message: `There is no ban ${JSON.stringify(c.req.param('id'))}.` })
  return c.json({ ban: adminBan(lifted.ban), restored: lifted.restored })
})
