import { Hono, type MiddlewareHandler } from 'hono'
import { csrf } from 'hono/csrf'
import { isAdminRequest } from '../auth/admin'
import { eraseCommenter, findCommenter, parseEmail } from '../commenters/data'
import { parseId } from '../db/ids'
import type { AppEnv } from '../env'
import { ADMIN_COMMENTERS_PATH } from '../urls'
import { CommentersPage } from '../views/admin/CommentersPage'
import { SignInPage } from '../views/admin/SignInPage'
import { commentDeps } from './comment-deps'

/**
 * /admin/commenters (mounted under /admin, behind its CSRF check and the admin session): a
 * commenter's data on request. Look-ups post the address so that it stays out of URLs; the
 * erasure answers 303 (PRG) to the form with a count. Never cached (no `cacheFor`).
 */
export const commentersAdmin = new Hono<AppEnv>()

const requireAdmin: MiddlewareHandler<AppEnv> = async function requireAdmin(c, next) {
  if (!(await isAdminRequest(c))) return c.html(<SignInPage site={c.get('index').site} />, 401)
  await next()
}
for (const path of ['/commenters', '/commenters/*']) commentersAdmin.use(path, csrf(), requireAdmin)

/** The form; after an erasure (`?erased=<n>`), with how many comments it made anonymous. */
commentersAdmin.get('/commenters', (c) => {
  const erased = parseId(c.req.query('erased') ?? '') ?? (c.req.query('erased') === '0' ? 0 : undefined)
  return c.html(<CommentersPage site={c.get('index').site} erased={erased} />)
})

commentersAdmin.post('/commenters', async (c) => {
  const { email: raw } = await c.req.parseBody()
  const site = c.get('index').site
  const email = parseEmail(raw)
  if (!email) return c.html(<CommentersPage site={site} email={typeof raw === 'string' ? raw.slice(0, 254) : ''} problem />, 422)
  return c.html(<CommentersPage site={site} email={email} found={await findCommenter(c.env.DB, email)} />)
})

/** The same data as `GET /api/admin/commenters`, as a file to hand to whoever asked. */
commentersAdmin.post('/commenters/export', async (c) => {
  const email = parseEmail((await c.req.parseBody()).email)
  if (!email) return c.html(<CommentersPage site={c.get('index').site} problem />, 422)
  const data = await findCommenter(c.env.DB, email)
  return c.body(`${JSON.stringify(data, null, 2)}\n`, 200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Disposition': 'attachment; filename="commenter-data.json"',
  })
})

commentersAdmin.post('/commenters/erase', async (c) => {
  const form = await c.req.parseBody()
  const email = parseEmail(form.email)
  if (!email || (form.text !== 'keep' && form.text !== 'drop')) return c.html(<CommentersPage site={c.get('index').site} problem />, 422)
  const erasure = await eraseCommenter(commentDeps(c), email, { keepText: form.text === 'keep', site: c.get('index').site })
  return c.redirect(`${ADMIN_COMMENTERS_PATH}?erased=${erasure.comments.length}`, 303)
})
