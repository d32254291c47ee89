import { ID_PATTERN } from '../db/ids'
import { postPath } from './paths'

/**
 * Root-relative URLs of a post's discussion (the README's "Addresses" lists them; links in sent
 * emails hold them, so they do not change), slugs percent-encoded.
 */

/** The id of a comment's element, and so its fragment: `comment-<id>`. */
export function commentAnchor(id: number): string {
  return `comment-${id}`
}

/** Page `page` of the post's discussion: `/posts/<slug>` for the first, `?page=<n>` after it. */
export function discussionPath(slug: string, page: number): string {
  return page <= 1 ? postPath(slug) : `${postPath(slug)}?page=${page}`
}

/** The form under the post (a new top-level comment). */
export function formPath(slug: string): string {
  return `${postPath(slug)}#comment-form`
}

/** Where the comment form posts (and the permalinks start). */
export function commentsPath(slug: string): string {
  return `${postPath(slug)}/comments`
}

/** The permalink (303 to the page that holds the comment), or with `token` the poster's own view. */
export function commentPath(slug: string, id: number, token?: string): string {
  const path = `${commentsPath(slug)}/${id}`
  return token ? `${path}?t=${encodeURIComponent(token)}` : path
}

/** The page with the form under comment `id` (works without JavaScript). */
export function replyPath(slug: string, id: number): string {
  return `${commentsPath(slug)}/${id}/reply#comment-form`
}

/** The poster's edit page (GET) or the action (POST, without the token in the URL). */
export function editPath(slug: string, id: number, token?: string): string {
  const path = `${commentsPath(slug)}/${id}/edit`
  return token ? `${path}?t=${encodeURIComponent(token)}` : path
}

export function deletePath(slug: string, id: number): string {
  return `${commentsPath(slug)}/${id}/delete`
}

/** The post's comment feed (Atom). */
export function commentsFeedPath(slug: string): string {
  return `${postPath(slug)}/comments.xml`
}

/**
 * The `edit` parameter of a discussion page that carries the poster's edit link (the 303 after
 * a public comment): `<id>.<token>`.
 */
export function editParam(id: number, token: string): string {
  return `${id}.${token}`
}

const EDIT_PARAM = new RegExp(`^(${ID_PATTERN})\\.(.+)$`)

/** `editParam`'s id and token when `value` has its shape (the token is not checked here). */
export function parseEditParam(value: string | null | undefined): { id: number; token: string } | undefined {
  const match = EDIT_PARAM.exec(value ?? '')
  return match ? { id: Number(match[1]), token: match[2]! } : undefined
}
