import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { isAdminRequest } from '../auth/admin'
import { banCommenter, liftBan, parseBanTarget } from '../comments/bans'
import { countMoves, listBans } from '../comments/bans-store'
import { ID_PATTERN, parseId } from '../db/ids'
import type { AppEnv } from '../env'
import { ERROR_STATUS, type ErrorStatus } from '../errors'
import { uiStrings } from '../i18n'
import { BansPage, banNoticePath, parseBanNotice, type BansPageProps } from '../views/admin/BansPage'
import { SignInPage } from '../views/admin/SignInPage'

/**
 * /admin/bans, mounted under /admin (whose CSRF check covers it): the bans with a button that
 * lifts each, and a form to ban an email. A comment's Ban button posts its `id` here. Every POST
 * answers 303 (PRG); a refused form comes back with its message. Never cached (no `cacheFor`).
 */
export const adminBans = new Hono<AppEnv>()

const requireAdmin: MiddlewareHandler<AppEnv> = async function requireAdmin(c, next) {
  if (!(await isAdminRequest(c))) return c.html(<SignInPage site={c.get('index').site} />, 401)
  await next()
}
for (const path of ['/bans', '/bans/*']) adminBans.use(path, requireAdmin)

const LIST_LIMIT = 500

adminBans.get('/bans', (c) => bansPage(c, { notice: parseBanNotice(c.req.query()) }))

/** `id` (a comment's Ban button: whoever wrote it) or `email` (the page's form). */
adminBans.post('/bans', async (c) => {
  const form = await c.req.parseBody()
  const ui = uiStrings(c.get('index').site.language).admin.bans
  const id = typeof form.id === 'string' ? parseId(form.id) : null
  if (typeof form.id === 'string' && id === null) return c.text('Bad ban form.', 400)
  const email = typeof form.email === 'string' ? form.email : ''
  const parsed = parseBanTarget(id !== null ? { commentId: id } : { email })
  if (!parsed.ok) return bansPage(c, { problem: { message: ui.badEmail, email } }, ERROR_STATUS.invalid_input)
  const result = await banCommenter(c.env.DB, parsed.target)
  if (!result.ok) {
    if (result.error.code === 'not_found') return c.redirect(banNoticePath({ done: 'none' }), 303)
    return bansPage(c, { problem: { message: ui.nothingToBan } }, ERROR_STATUS.invalid_input)
  }
  const { created, moved } = result.outcome
  return c.redirect(banNoticePath({ done: created ? 'banned' : 'existing', n: moved.length }), 303)
})

adminBans.post(`/bans/:id{${ID_PATTERN}}/lift`, async (c) => {
  const lifted = await liftBan(c.env.DB, Number(c.req.param('id')))
  return c.redirect(banNoticePath(lifted ? { done: 'lifted', n: lifted.restored.length } : { done: 'none' }), 303)
})

async function bansPage(c: Context<AppEnv>, props: Pick<BansPageProps, 'notice' | 'problem'>, status: 200 | ErrorStatus = 200) {
  const bans = await listBans(c.env.DB, LIST_LIMIT)
  const moved = await countMoves(c.env.DB, bans.map((ban) => ban.id))
  const rows = bans.map((ban) => ({ ban, moved: moved.get(ban.id) ?? 0 }))
  return c.html(<BansPage site={c.get('index').site} bans={rows} {...props} />, status)
}
