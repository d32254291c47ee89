import { Hono, type Context, type Next } from 'hono'
import { isAdminRequest } from '../auth/admin'
import { deleteOwnComment, editComment, editDeadline, getEditableComment } from '../comments/poster'
import { commentApiSchema } from '../comments/schema'
import { RATE_LIMIT_RETRY_SECONDS } from '../comments/spam'
import type { CommentRow } from '../comments/types'
import type { DiscussionHost } from '../content/discussion-host'
import type { AppEnv } from '../env'
import { CommentRejected, ERROR_STATUS, toApiError } from '../errors'
import { EditCommentPage } from '../views/OwnCommentPages'
import { commentDeps } from './comment-deps'
import { commentFormLimit, commentId, commentStrings, noHost, noticePage, readForm, routeHost, unavailablePage, type HostRoute } from './comment-common'
import { landing } from './comment-landing'

/**
 * The poster's edit and delete, for 15 minutes, through the signed `edit` token of their
 * comment: GET shows the form (mail scanners and prefetchers only GET), POST acts. An expired or
 * forged token gets a 403 page that says so. Nothing here is cached. Under `at`: a post's or a
 * page's path.
 */
export function commentEditRoutes(at: HostRoute) {
  const commentEdit = new Hono<AppEnv>()
  commentEdit.get(`${at}/comments/:id/edit`, editForm)
  commentEdit.post(`${at}/comments/:id/edit`, commentFormLimit, saveEdit)
  commentEdit.post(`${at}/comments/:id/delete`, commentFormLimit, deleteComment)
  return commentEdit
}

type Found = { meta: DiscussionHost; comment: CommentRow; token: string } | Response

/** The post or page, the comment the token opens, or the page to answer instead (404, 403, 503). */
async function editable(c: Context<AppEnv>, next: Next, token: string | undefined): Promise<Found> {
  const meta = routeHost(c)
  const id = commentId(c)
  if (!meta || id === null) return (await noHost(c, next)) ?? c.res
  const deps = { db: c.env.DB, signingKey: c.env.SIGNING_KEY }
  try {
    const comment = await getEditableComment(deps, { id, slug: meta.slug, token: token ?? '' })
    return comment ? { meta, comment, token: token! } : c.notFound()
  } catch (error) {
    if (!(error instanceof CommentRejected)) {
      console.error('reading a comment failed', error)
      return unavailablePage(c, meta)
    }
    const ui = commentStrings(c, meta)
    return noticePage(c, meta, 'edit_link_invalid', { title: ui.edit.invalidTitle, message: ui.errors.edit_link_invalid })
  }
}

/** Who sends the edit or delete, for the rate limit (admin requests skip it). */
async function editRequest(c: Context<AppEnv>) {
  return { ip: c.req.header('CF-Connecting-IP') || undefined, isAdmin: await isAdminRequest(c) }
}

/** The edit form alone (never the post and its thread: a refusal must stay cheap), 422 or 429 with the text sent. */
function editPage(c: Context<AppEnv>, found: Exclude<Found, Response>, sent?: { body: string; error: string; code?: 'invalid_input' | 'rate_limited' }) {
  const { meta, comment, token } = found
  const page = (
    <EditCommentPage
      site={c.get('index').site}
      post={meta}
      comment={comment}
      token={token}
      deadline={editDeadline(comment)}
      body={sent?.body}
      error={sent?.error}
    />
  )
  return c.html(page, sent ? ERROR_STATUS[sent.code ?? 'invalid_input'] : 200)
}

async function editForm(c: Context<AppEnv>, next: Next) {
  const found = await editable(c, next, c.req.query('t'))
  return found instanceof Response ? found : editPage(c, found)
}

async function saveEdit(c: Context<AppEnv>, next: Next) {
  const form = await readForm(c)
  const found = await editable(c, next, form.t)
  if (found instanceof Response) return found
  const { meta, comment } = found
  const body = form.body ?? ''
  // The same rules as a new comment; the name is the stored one.
  const parsed = commentApiSchema.safeParse({ author: comment.authorName, body })
  if (!parsed.success) {
    const english = toApiError(parsed.error).fields.body ?? toApiError(parsed.error).message
    return editPage(c, found, { body, error: commentStrings(c, meta).fieldError('body', english) })
  }
  try {
    const edited = await editComment(commentDeps(c), comment, body, { site: c.get('index').site, ...(await editRequest(c)) })
    return c.redirect(await landing(c, meta, edited), 303)
  } catch (error) {
    if (isRateLimited(error)) {
      c.header('Retry-After', String(RATE_LIMIT_RETRY_SECONDS))
      return editPage(c, found, { body, error: commentStrings(c, meta).errors.rate_limited, code: 'rate_limited' })
    }
    console.error('editing a comment failed', error)
    return unavailablePage(c, meta, body)
  }
}

async function deleteComment(c: Context<AppEnv>, next: Next) {
  const form = await readForm(c)
  const found = await editable(c, next, form.t)
  if (found instanceof Response) return found
  const { meta, comment } = found
  const ui = commentStrings(c, meta)
  try {
    await deleteOwnComment(commentDeps(c), comment, await editRequest(c))
  } catch (error) {
    if (isRateLimited(error)) {
      c.header('Retry-After', String(RATE_LIMIT_RETRY_SECONDS))
      return noticePage(c, meta, 'rate_limited', { title: ui.edit.deleteTitle, message: ui.errors.rate_limited })
    }
    console.error('deleting a comment failed', error)
    return unavailablePage(c, meta)
  }
  return noticePage(c, meta, 200, { title: ui.edit.deleted, message: ui.edit.deletedNote })
}

const isRateLimited = (error: unknown) => error instanceof CommentRejected && error.code === 'rate_limited'
