import { Hono, type Context, type Next } from 'hono'
import { avatarKey } from '../comments/avatar'
import { commentApiSchema, commentFormSchema } from '../comments/schema'
import { previewComment, type PreviewOptions } from '../comments/preview'
import { loadConfusables } from '../comments/confusables-store'
import { isReservedName } from '../comments/reserved-name'
import { RATE_LIMIT_RETRY_SECONDS } from '../comments/spam'
import { unknownApiFields } from '../comments/unknown-fields'
import type { DiscussionHost } from '../content/discussion-host'
import type { AppEnv } from '../env'
import { CommentRejected, rejectedApiError, toApiError, UNAVAILABLE } from '../errors'
import { postLocale } from '../i18n'
import { CommentCard } from '../views/Thread'
import { commentStrings, routeHost, type HostRoute } from './comment-common'
import { apiNoHost, commentApiLimit } from './comments-api'
import { readerOptions } from './comment-deps'
import { formPage, formValues, showForm } from './comment-form-state'
import { apiError } from './errors'

/**
 * The Preview button: the form's fields posted to the form's own URL with `preview` set (no
 * JavaScript needed), answered 200 with the form still filled in and the comment rendered above
 * the buttons exactly as it would be stored; and `POST /api/posts/<slug>/comments/preview`
 * (the JSON API's body, answered `{html}`), which the reply script uses to preview in place.
 * Nothing is stored, nothing cached (POST answers are `no-store`).
 */

async function previewOptions(c: Context<AppEnv>, meta: DiscussionHost): Promise<PreviewOptions> {
  const { ip, isAdmin } = await readerOptions(c, meta)
  return { host: meta, ip, isAdmin }
}

const previewDeps = (c: Context<AppEnv>) => ({ signingKey: c.env.SIGNING_KEY, rateLimiter: c.env.COMMENT_RATE_LIMIT })

/** The form's answer when `preview` was the button pressed: invalid fields come back as a refusal would. */
export async function previewForm(c: Context<AppEnv>, meta: DiscussionHost, form: Record<string, string>): Promise<Response> {
  const parsed = commentFormSchema.safeParse(form)
  if (!parsed.success) return showForm(c, meta, form, { code: 'invalid_input', fields: toApiError(parsed.error).fields })
  const options = await previewOptions(c, meta)
  let html: string
  try {
    html = await previewComment(previewDeps(c), parsed.data.body, options)
  } catch (error) {
    if (!(error instanceof CommentRejected)) console.error('a comment preview failed', error)
    if (error instanceof CommentRejected && error.code === 'rate_limited') c.header('Retry-After', String(RATE_LIMIT_RETRY_SECONDS))
    return showForm(c, meta, form, error instanceof CommentRejected ? error : { code: 'unavailable' })
  }
  const site = c.get('index').site
  const ui = commentStrings(c, meta)
  // As the service decides it: only a signed-in admin writing under the author's name gets the badge.
  const isAuthor = options.isAdmin && isReservedName(parsed.data.author, site.author, await loadConfusables(c.env.CONTENT, c.get('index')))
  const avatar = isAuthor ? null : await avatarKey(c.env.SIGNING_KEY, { email: parsed.data.email, name: parsed.data.author })
  const node = { id: 0, author: parsed.data.author, isAuthor, createdAt: Date.now(), html, avatar }
  const view = { ui, locale: postLocale(meta, site), timeZone: site.timeZone, avatars: site.comments.avatars !== false }
  const preview = CommentCard({ node, view, href: '#comment-preview' })
  return c.html(await formPage(c, meta, { values: formValues(form), preview }), 200)
}

/** The API's preview under `at` (a post's or a page's path), mounted under `/api`. */
export function commentPreviewApiRoutes(at: HostRoute) {
  return new Hono<AppEnv>().post(`${at}/comments/preview`, commentApiLimit, previewApi)
}

async function previewApi(c: Context<AppEnv>, next: Next) {
  const meta = routeHost(c)
  if (!meta) return apiNoHost(c, next)
  const json: unknown = await c.req.json().catch(() => undefined)
  if (json === undefined) return apiError(c, { code: 'invalid_json', message: 'Send the comment as a JSON object.' })
  const unknown = unknownApiFields(json)
  if (unknown) return apiError(c, unknown)
  const parsed = commentApiSchema.safeParse(json)
  if (!parsed.success) return apiError(c, toApiError(parsed.error))
  try {
    return c.json({ html: await previewComment(previewDeps(c), parsed.data.body, await previewOptions(c, meta)) })
  } catch (error) {
    if (!(error instanceof CommentRejected)) {
      console.error('a comment preview failed', error)
      return apiError(c, UNAVAILABLE)
    }
    if (error.code === 'rate_limited') c.header('Retry-After', String(RATE_LIMIT_RETRY_SECONDS))
    return apiError(c, rejectedApiError(error))
  }
}
