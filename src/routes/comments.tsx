import { Hono, type Context, type Next } from 'hono'
import { cacheFor } from '../cache/policy'
import { LIST_TAG } from '../cache/tags'
import { editDeadline, editToken, getOwnComment } from '../comments/poster'
import { commentFormSchema, HONEYPOT_FIELD } from '../comments/schema'
import { createComment } from '../comments/service'
import { RATE_LIMIT_RETRY_SECONDS } from '../comments/spam'
import { getComment } from '../comments/store'
import { pageOfComment } from '../comments/tree'
import type { DiscussionHost } from '../content/discussion-host'
import type { AppEnv } from '../env'
import { CommentRejected, READ_FAILED, toApiError, tryRead } from '../errors'
import { commentAnchor, discussionPath, editPath, REPLY_SCRIPT_PATH } from '../urls'
import { HeldCommentPage } from '../views/OwnCommentPages'
import { REPLY_SCRIPT } from '../views/reply-script'
import { ReplyPage } from '../views/ReplyPage'
import { commentDeps, readerOptions, turnstileSiteKey } from './comment-deps'
import { commentFormLimit, commentId, commentStrings, noHost, noticePage, readForm, routeHost, unavailablePage, type HostRoute } from './comment-common'
import { showForm, type FormProblem } from './comment-form-state'
import { landing } from './comment-landing'
import { previewForm } from './comment-preview'
import { loadThread } from './post-page'

/** The optional script that moves the form under the comment answered: the same for every page. */
export const replyScript = new Hono<AppEnv>()

replyScript.get(REPLY_SCRIPT_PATH, (c) => {
  cacheFor(c, [LIST_TAG])
  return c.body(REPLY_SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' })
})

/**
 * The reader's side of a discussion in HTML, under `at` (a post's or a page's path): the form's
 * POST, the permalink (303 to the page that holds the comment), the poster's own view of a held
 * comment and the page to reply from. None is cached: each is personal or a redirect.
 */
export function commentRoutes(at: HostRoute) {
  const comments = new Hono<AppEnv>()
  comments.post(`${at}/comments`, commentFormLimit, postComment)
  comments.get(`${at}/comments/:id`, permalink)
  comments.get(`${at}/comments/:id/reply`, replyPage)
  return comments
}

async function postComment(c: Context<AppEnv>, next: Next) {
  const meta = routeHost(c)
  if (!meta) return noHost(c, next)
  const form = await readForm(c)
  // A bot filled the trap: answer as if the comment were taken, store nothing.
  if (form[HONEYPOT_FIELD]) return c.redirect(`${discussionPath(meta, 1)}#comments`, 303)
  if (form.preview !== undefined) return previewForm(c, meta, form)
  const parsed = commentFormSchema.safeParse(form)
  if (!parsed.success) return showForm(c, meta, form, { code: 'invalid_input', fields: toApiError(parsed.error).fields })
  try {
    const { comment } = await createComment(commentDeps(c), parsed.data, await readerOptions(c, meta))
    return c.redirect(await landing(c, meta, comment), 303)
  } catch (error) {
    if (!(error instanceof CommentRejected)) console.error('storing a comment failed', error)
    const problem: FormProblem = error instanceof CommentRejected ? error : { code: 'unavailable' }
    if (problem.code === 'comments_closed') return closedPage(c, meta, parsed.data.body)
    if (problem.code === 'rate_limited') c.header('Retry-After', String(RATE_LIMIT_RETRY_SECONDS))
    return showForm(c, meta, form, problem)
  }
}

function closedPage(c: Context<AppEnv>, meta: DiscussionHost, text: string) {
  const ui = commentStrings(c, meta)
  const kept = { label: ui.closedPage.yourText, value: text }
  return noticePage(c, meta, 'comments_closed', { title: ui.closedPage.title, message: ui.closedPage.message, text: kept })
}

/** The permalink: 303 to the discussion page that shows the comment; with `?t=` the poster's own view. */
async function permalink(c: Context<AppEnv>, next: Next) {
  const meta = routeHost(c)
  const id = commentId(c)
  if (!meta || id === null) return noHost(c, next)
  const token = c.req.query('t')
  if (token !== undefined) return ownView(c, meta, id, token)
  const { site } = c.get('index')
  const thread = await loadThread(c.env.DB, meta, site.comments.maxDepth)
  if (!thread) return unavailablePage(c, meta)
  const page = pageOfComment(thread.roots, id, site.comments.threadsPerPage)
  if (page === null) return c.notFound()
  return c.redirect(`${discussionPath(meta, page)}#${commentAnchor(id)}`, 303)
}

async function ownView(c: Context<AppEnv>, meta: DiscussionHost, id: number, token: string) {
  const deps = { db: c.env.DB, signingKey: c.env.SIGNING_KEY }
  const now = Date.now()
  const comment = await tryRead(`reading comment ${id}`, () => getOwnComment(deps, { id, slug: meta.slug, token }, now))
  if (comment === READ_FAILED) return unavailablePage(c, meta)
  if (comment === null) return c.notFound()
  const editHref = now < editDeadline(comment) ? editPath(meta, id, await editToken(deps.signingKey, comment)) : undefined
  return c.html(<HeldCommentPage site={c.get('index').site} post={meta} comment={comment} editHref={editHref} />)
}

/** The comment being answered with the form under it: what a reply link opens. */
async function replyPage(c: Context<AppEnv>, next: Next) {
  const meta = routeHost(c)
  const id = commentId(c)
  if (!meta || id === null) return noHost(c, next)
  if (!meta.comments) {
    const ui = commentStrings(c, meta)
    return noticePage(c, meta, 'comments_closed', { title: ui.closedPage.title, message: ui.closed })
  }
  const parent = await tryRead(`reading comment ${id}`, () => getComment(c.env.DB, id))
  if (parent === READ_FAILED) return unavailablePage(c, meta)
  if (!parent || parent.postSlug !== meta.slug || parent.status !== 'approved') return c.notFound()
  return c.html(<ReplyPage site={c.get('index').site} post={meta} parent={parent} turnstileSiteKey={turnstileSiteKey(c)} />)
}
