import type { Context, Next } from 'hono'
import { publicHost, type DiscussionHost } from '../content/discussion-host'
import { parseId } from '../db/ids'
import type { AppEnv } from '../env'
import { ERROR_STATUS, type ErrorCode } from '../errors'
import { postLocale, uiStrings, type CommentStrings } from '../i18n'
import { CommentNoticePage } from '../views/CommentNoticePage'
import { COMMENT_MAX_BYTES, FORM_MAX_FIELDS, limitBody } from './body-limit'

/** Pieces the comment routes share: finding the post or page, reading forms, the short notice pages. */

/**
 * Where a discussion's routes start: a post's (`/posts/<slug>/comments…`, mounted with the
 * other routes) or a page's (`/<slug>/comments…`, mounted after every other route). The
 * parameter's name says which: `:slug` a post, `:page` a page.
 */
export const POST_HOST = '/posts/:slug'
export const PAGE_HOST = '/:page'
export type HostRoute = typeof POST_HOST | typeof PAGE_HOST

/**
 * The post (`:slug`) or commentable page (`:page`) the route names, when readers may comment on
 * it (drafts and scheduled posts take no comments, pages only with `comments: true`); its
 * `comments` is false once its discussion closed by age (`asOf`).
 */
export function routeHost(c: Context<AppEnv>): DiscussionHost | undefined {
  const post = c.req.param('slug')
  const slug = post ?? c.req.param('page')
  if (slug === undefined) return undefined
  return publicHost(c.get('index'), slug.normalize('NFC'), post === undefined ? 'page' : 'post', new Date())
}

/**
 * The answer when `routeHost` found nothing: a post's route is a 404; a page's falls through
 * (`next()`), since `/:page/…` also matches paths of routes mounted after it, and then reaches
 * the app's not-found handling (old addresses, the 404 page).
 */
export function noHost(c: Context<AppEnv>, next: Next) {
  return c.req.param('page') === undefined ? c.notFound() : next()
}

/** The `:id` parameter as a comment id, or null. */
export function commentId(c: Context<AppEnv>): number | null {
  return parseId(c.req.param('id'))
}

/** The text fields of a form body (files and repeated names are ignored); empty when it is no form. */
export async function readForm(c: Context<AppEnv>): Promise<Record<string, string>> {
  try {
    const body = await c.req.parseBody()
    return Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
  } catch {
    return {}
  }
}

/**
 * The limits of a reader's comment form, refused with 413 before parsing: a page in the post's
 * language that says what fits (the text is not read, so it cannot be shown again).
 */
export const commentFormLimit = limitBody({
  maxBytes: COMMENT_MAX_BYTES,
  maxFields: FORM_MAX_FIELDS,
  onTooLarge(c) {
    const meta = routeHost(c)
    if (!meta) return c.notFound()
    const ui = commentStrings(c, meta).tooLarge
    return noticePage(c, meta, 'too_large', { title: ui.title, message: ui.message(Math.round(COMMENT_MAX_BYTES / 1024)) })
  },
})

/** The UI strings of the post's or page's language. */
export function commentStrings(c: Context<AppEnv>, meta: DiscussionHost): CommentStrings {
  return uiStrings(postLocale(meta, c.get('index').site)).comments
}

/**
 * A short page about the post's discussion (never cached: no route that sends it calls
 * `cacheFor`): 200 for news, else the status of the error `answer` explains.
 */
export function noticePage(
  c: Context<AppEnv>,
  meta: DiscussionHost,
  answer: 200 | ErrorCode,
  content: { title: string; message: string; text?: { label: string; value: string } },
) {
  return c.html(<CommentNoticePage site={c.get('index').site} post={meta} {...content} />, answer === 200 ? 200 : ERROR_STATUS[answer])
}

/** 503: D1 could not be read or written. */
export function unavailablePage(c: Context<AppEnv>, meta: DiscussionHost, text?: string) {
  const ui = commentStrings(c, meta)
  const kept = text ? { label: ui.closedPage.yourText, value: text } : undefined
  return noticePage(c, meta, 'unavailable', { title: ui.heading, message: ui.errors.unavailable, text: kept })
}
