import { Hono } from 'hono'
import * as z from 'zod'
import { requireAdminToken } from '../auth/admin-token'
import { purgeEverything } from '../cache/purge-all'
import { moderateComments, parseAuthorReply, replyAsAuthor } from '../comments/moderate'
import { MODERATION_ACTIONS } from '../comments/moderation'
import { listByStatus } from '../comments/store'
import { COMMENT_STATUSES, type CommentRow } from '../comments/types'
import { publicHost } from '../content/discussion-host'
import { parseId } from '../db/ids'
import type { AppEnv } from '../env'
import { CommentRejected, rejectedApiError } from '../errors'
import { apiError } from './errors'
import { commentDeps, requestPurge } from './comment-deps'

export const adminApi = new Hono<AppEnv>()

adminApi.use(requireAdminToken())

const PurgeRequest = z.union([
  z.object({ everything: z.literal(true) }),
  z.object({ tags: z.array(z.string().min(1).max(1024)).min(1).max(1000) }),
])

/**
 * What the Node publish and deploy tools call: zone-level purges do not reach Workers Cache.
 * `{"everything": true}` (after a deploy of new code) purges every cached page.
 */
adminApi.post('/purge', async (c) => {
  const parsed = PurgeRequest.safeParse(await c.req.json().catch(() => undefined))
  if (!parsed.success) {
    return apiError(c, {
      code: 'invalid_request',
      message: 'Send JSON {"tags": ["post:<slug>", …]} with 1 to 1000 non-empty tags, or {"everything": true}.',
    })
  }
  if ('everything' in parsed.data) {
    const index = c.get('index')
    // The same origins as a tag purge (comment-deps): a page may be cached under either.
    const origins = [new URL(c.req.url).origin, new URL(index.site.baseUrl).origin]
    const deleted = await purgeEverything(c.executionCtx as ExecutionContext, { origins, index, db: c.env.DB })
    return c.json({ purged: 'everything', deleted })
  }
  const deleted = await requestPurge(c)(parsed.data.tags)
  return c.json({ purged: parsed.data.tags, deleted })
})

/** A comment as the admin sees it: with the email, without the IP digest and submit key. */
function adminComment(row: CommentRow) {
  return {
    id: row.id,
    postSlug: row.postSlug,
    parentId: row.parentId,
    author: row.authorName,
    email: row.authorEmail,
    body: row.body,
    html: row.bodyHtml,
    status: row.status,
    heldReason: row.heldReason ?? null,
    isAuthor: row.isAuthor,
    notify: row.notify,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  }
}

const notFound = (c: Parameters<typeof apiError>[0], id: string) =>
  apiError(c, { code: 'not_found', message: `There is no comment ${JSON.stringify(id)}.` })

const ListQuery = z.object({
  status: z.enum(COMMENT_STATUSES, { error: `status must be one of ${COMMENT_STATUSES.join(', ')}.` }).default('pending'),
  limit: z.coerce.number({ error: 'limit must be a number from 1 to 200.' }).int().min(1).max(200).default(100),
})

/** The comments of one status, newest first (default: the moderation queue). */
adminApi.get('/comments', async (c) => {
  const parsed = ListQuery.safeParse(c.req.query())
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]))
    return apiError(c, { code: 'invalid_request', message: Object.values(fields).join(' '), fields })
  }
  const rows = await listByStatus(c.env.DB, parsed.data.status, parsed.data.limit)
  return c.json({ comments: rows.map(adminComment) })
})

const STATUS_MESSAGE = `Send JSON {"status": "approved" | "spam" | "deleted"}.`
const StatusRequest = z.object({ status: z.enum(Object.values(MODERATION_ACTIONS), { error: STATUS_MESSAGE }) })

/** Approves, marks as spam or deletes one comment; purges the pages it changes. */
adminApi.patch('/comments/:id', async (c) => {
  const id = parseId(c.req.param('id'))
  if (id === null) return notFound(c, c.req.param('id'))
  const parsed = StatusRequest.safeParse(await c.req.json().catch(() => undefined))
  if (!parsed.success) {
    return apiError(c, { code: 'invalid_request', message: STATUS_MESSAGE, fields: { status: STATUS_MESSAGE } })
  }
  const [comment] = (await moderateComments(commentDeps(c), [id], parsed.data.status)).comments
  if (!comment) return notFound(c, c.req.param('id'))
  return c.json({ comment: adminComment(comment) })
})

/** A reply as the blog's author (approved, with the badge); a held parent is approved first. */
adminApi.post('/posts/:slug/comments', async (c) => {
  const index = c.get('index')
  const slug = c.req.param('slug').normalize('NFC')
  // A page that takes comments is named by its slug here too (no post shares it).
  const host = publicHost(index, slug, undefined, new Date())
  if (!host) {
    return apiError(c, { code: 'not_found', message: `There is no published post or page taking comments ${JSON.stringify(slug)}.` })
  }
  const raw = await c.req.json().catch(() => undefined)
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return apiError(c, { code: 'invalid_request', message: 'Send JSON {"body": "…", "parentId": <id>?}.' })
  }
  const parsed = parseAuthorReply(index.site, raw)
  if (!parsed.ok) return apiError(c, parsed.error)
  try {
    const { comment } = await replyAsAuthor(commentDeps(c), parsed.input, { host, site: index.site })
    return c.json({ comment: adminComment(comment) }, 201)
  } catch (error) {
    if (!(error instanceof CommentRejected)) throw error
    return apiError(c, rejectedApiError(error))
  }
})
