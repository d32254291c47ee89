import { Hono, type Context, type Next } from 'hono'
import { cacheFor } from '../cache/policy'
import { commentApiSchema, HONEYPOT_FIELD } from '../comments/schema'
import { createComment } from '../comments/service'
import { RATE_LIMIT_RETRY_SECONDS } from '../comments/spam'
import { listThread } from '../comments/store'
import { unknownApiFields } from '../comments/unknown-fields'
import { buildThread } from '../comments/tree'
import type { CommentNode, CommentRow } from '../comments/types'
import { findPage } from '../content/pages-store'
import type { AppEnv } from '../env'
import { CommentRejected, READ_FAILED, rejectedApiError, toApiError, tryRead, UNAVAILABLE } from '../errors'
import { apiError } from './errors'
import { COMMENT_MAX_BYTES, commentApiTooLarge, limitBody } from './body-limit'
import { commentDeps, readerOptions } from './comment-deps'
import { routeHost, type HostRoute } from './comment-common'
import { publicReads } from './thread-read'

/**
 * The public comment API (the README's "Addresses"): the thread as JSON, and posting with the
 * same rules and anti-spam as the form. Errors are `{error:{code,message,fields}}` in English;
 * never a 500. A POST with a key the API does not take is refused (400 `unknown_fields`), not
 * half-read. Mounted under `/api` for posts (`/api/posts/<slug>/comments`) and, after every
 * other route, for pages that take comments (`/api/<slug>/comments`).
 */
export function commentsApiRoutes(at: HostRoute) {
  const commentsApi = new Hono<AppEnv>()
  commentsApi.get(`${at}/comments`, getThread)
  commentsApi.post(`${at}/comments`, commentApiLimit, postComment)
  return commentsApi
}

/** A comment as the public sees it: no email, no IP. */
export interface PublicComment {
  id: number
  parentId: number | null
  author: string
  createdAt: string
  body: string
  html: string
  isAuthor: boolean
  /** A "[deleted]" placeholder kept for its replies (author, body and html are empty). */
  deleted?: true
  replies: PublicComment[]
}

function toPublic(node: CommentNode): PublicComment {
  return {
    id: node.id,
    parentId: node.parentId,
    author: node.author,
    createdAt: new Date(node.createdAt).toISOString(),
    body: node.body,
    html: node.html,
    isAuthor: node.isAuthor,
    ...(node.deleted && { deleted: true as const }),
    replies: node.replies.map(toPublic),
  }
}

/**
 * The API's answer when the route names no discussion: a JSON 404, except under a page's path
 * when no page has that slug, where the request falls through (`next()`) to the routes after.
 */
export function apiNoHost(c: Context<AppEnv>, next: Next) {
  const page = c.req.param('page')
  if (page !== undefined && !findPage(c.get('index'), page.normalize('NFC'))) return next()
  const what = page === undefined ? 'public post' : 'public page taking comments'
  return apiError(c, { code: 'not_found', message: `There is no ${what} with this slug.` })
}

/** The whole public tree, true nesting (no depth limit: `parentId` is always the enclosing comment). */
async function getThread(c: Context<AppEnv>, next: Next) {
  const meta = routeHost(c)
  if (!meta) return apiNoHost(c, next)
  const rows = await tryRead(`reading the thread of ${meta.slug}`, () => listThread(publicReads(c.env.DB), meta.slug))
  if (rows === READ_FAILED) return apiError(c, UNAVAILABLE)
  cacheFor(c, [meta.tag])
  const { roots } = buildThread(rows, { maxDepth: Number.POSITIVE_INFINITY })
  return c.json({ comments: roots.map(toPublic) })
}

/** The API's body limit for a comment (posting and preview alike): a JSON 413 past it. */
export const commentApiLimit = limitBody({ maxBytes: COMMENT_MAX_BYTES, onTooLarge: commentApiTooLarge })

async function postComment(c: Context<AppEnv>, next: Next) {
  const meta = routeHost(c)
  if (!meta) return apiNoHost(c, next)
  const json: unknown = await c.req.json().catch(() => undefined)
  if (json === undefined) return apiError(c, { code: 'invalid_json', message: 'Send the comment as a JSON object.' })
  const unknown = unknownApiFields(json)
  if (unknown) return apiError(c, unknown)
  const parsed = commentApiSchema.safeParse(json)
  if (!parsed.success) return apiError(c, toApiError(parsed.error))
  // A bot filled the trap: it is told the comment awaits moderation; nothing is stored.
  if (parsed.data.honeypot) return c.json({ comment: { ...echo(parsed.data), status: 'pending' } }, 201)
  try {
    const { comment } = await createComment(commentDeps(c), parsed.data, await readerOptions(c, meta))
    // Spam (a block rule, a ban) is answered as a held comment: the poster must not learn of it.
    const status = comment.status === 'spam' ? 'pending' : comment.status
    return c.json({ comment: { ...toPublic(stored(comment)), status } }, 201)
  } catch (error) {
    if (!(error instanceof CommentRejected)) {
      console.error('storing a comment failed', error)
      return apiError(c, UNAVAILABLE)
    }
    if (error.code === 'rate_limited') c.header('Retry-After', String(RATE_LIMIT_RETRY_SECONDS))
    return apiError(c, rejectedApiError(error))
  }
}

function stored(row: CommentRow): CommentNode {
  return {
    id: row.id,
    parentId: row.parentId,
    author: row.authorName,
    isAuthor: row.isAuthor,
    createdAt: row.createdAt,
    body: row.body,
    html: row.bodyHtml,
    deleted: false,
    depth: 1,
    replies: [],
  }
}

function echo(input: { author: string; body: string; parentId: number | null }): Omit<PublicComment, 'replies'> {
  return { id: 0, parentId: input.parentId, author: input.author, createdAt: new Date().toISOString(), body: input.body, html: '', isAuthor: false }
}
