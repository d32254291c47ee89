import { Hono, type MiddlewareHandler } from 'hono'
import { isAdminRequest } from '../auth/admin'
import { MAX_BULK, MODERATION_ACTIONS, type ModerationAction } from '../comments/moderation'
import { getComment } from '../comments/store'
import { threadLink } from '../content/discussion-host'
import { isPublic } from '../content/store'
import { parseId } from '../db/ids'
import type { AppEnv } from '../env'
import { noticePath } from '../views/admin/notice'
import { ConfirmPage } from '../views/admin/ConfirmPage'
import { DraftsPage } from '../views/admin/DraftsPage'
import { SignInPage } from '../views/admin/SignInPage'

/**
 * More of the author's pages, mounted under /admin (whose CSRF check covers them): the step
 * before a destructive or bulk moderation action, and the drafts and scheduled posts.
 * Admin session only; nothing here is cached (no `cacheFor`).
 */
export const adminPages = new Hono<AppEnv>()

const requireAdmin: MiddlewareHandler<AppEnv> = async function requireAdmin(c, next) {
  if (!(await isAdminRequest(c))) return c.html(<SignInPage site={c.get('index').site} />, 401)
  await next()
}
for (const path of ['/comments/confirm', '/drafts']) adminPages.use(path, requireAdmin)

/**
 * What a moderation form asks for: `action` and one `id` per comment (the query of a GET, the
 * body of a POST from the queue's buttons), or null when the form is not one of ours.
 */
function parseModeration(action: unknown, ids: unknown[]): { action: ModerationAction; ids: number[] } | null {
  if (typeof action !== 'string' || !Object.hasOwn(MODERATION_ACTIONS, action)) return null
  const parsed = ids.map((id) => parseId(id) ?? NaN)
  if (parsed.some(Number.isNaN) || parsed.length > MAX_BULK) return null
  return { action: action as ModerationAction, ids: [...new Set(parsed)] }
}

/** "Delete these 3 comments? [Delete] [Cancel]": changes nothing; its own form does. */
adminPages.on(['GET', 'POST'], '/comments/confirm', async (c) => {
  const form = c.req.method === 'POST' ? await c.req.parseBody({ all: true }) : { action: c.req.query('action'), id: c.req.queries('id') }
  const asked = parseModeration(form.action, [form.id ?? []].flat())
  if (!asked) return c.text('Bad moderation form.', 400)
  const found = await Promise.all(asked.ids.map((id) => getComment(c.env.DB, id)))
  const comments = found.filter((comment) => comment !== null)
  if (comments.length === 0) return c.redirect(noticePath({ done: 'none' }), 303)
  const index = c.get('index')
  const threadOf = (slug: string) => threadLink(index, slug)
  return c.html(<ConfirmPage site={index.site} action={asked.action} comments={comments} threadOf={threadOf} />)
})

/** The drafts and scheduled posts, and the draft pages, the published index holds, with preview links where previews are on. */
adminPages.get('/drafts', (c) => {
  const index = c.get('index')
  const now = new Date()
  const posts = index.posts.filter((meta) => !isPublic(meta, now))
  const pages = (index.pages ?? []).filter((meta) => meta.draft)
  return c.html(<DraftsPage site={index.site} posts={posts} pages={pages} previews={c.env.DRAFTS === 'preview'} />)
})
