import { ID_PATTERN } from '../db/ids'

/**
 * Root-relative URLs of a discussion (the README's "Addresses" lists them), built from the path
 * of what it hangs on (`DiscussionHost.path`, src/content/discussion-host.ts): `/posts/<slug>`
 * for a post (links in sent emails hold those, so they do not change), `/<slug>` for a page that
 * takes comments. Slugs are percent-encoded in that path already.
 */

/** Where a discussion lives: its host's root path (`/posts/<slug>`, `/<slug>`). */
export interface ThreadAddress {
  path: string
}

/** The id of a comment's element, and so its fragment: `comment-<id>`. */
export function commentAnchor(id: number): string {
  return `comment-${id}`
}

/** Page `page` of the discussion: the host's own path for the first, `?page=<n>` after it. */
export function discussionPath(host: ThreadAddress, page: number): string {
  return page <= 1 ? host.path : `${host.path}?page=${page}`
}

/** The form under the post or page (a new top-level comment). */
export function formPath(host: ThreadAddress): string {
  return `${host.path}#comment-form`
}

/** Where the comment form posts (and the permalinks start). */
export function commentsPath(host: ThreadAddress): string {
  return `${host.path}/comments`
}

/** The permalink (303 to the page that holds the comment), or with `token` the poster's own view. */
export function commentPath(host: ThreadAddress, id: number, token?: string): string {
  const path = `${commentsPath(host)}/${id}`
  return token ? `${path}?t=${encodeURIComponent(token)}` : path
}

/** The page with the form under comment `id` (works without JavaScript). */
export function replyPath(host: ThreadAddress, id: number): string {
  return `${commentsPath(host)}/${id}/reply#comment-form`
}

/** The poster's edit page (GET) or the action (POST, without the token in the URL). */
export function editPath(host: ThreadAddress, id: number, token?: string): string {
  const path = `${commentsPath(host)}/${id}/edit`
  return token ? `${path}?t=${encodeURIComponent(token)}` : path
}

export function deletePath(host: ThreadAddress, id: number): string {
  return `${commentsPath(host)}/${id}/delete`
}

/** The discussion's comment feed (Atom). */
export function commentsFeedPath(host: ThreadAddress): string {
  return `${host.path}/comments.xml`
}

/** The public thread as JSON (GET) and the API's new comment (POST): `/api/posts/<slug>/comments`, `/api/<slug>/comments`. */
export function commentsApiPath(host: ThreadAddress): string {
  return `/api${host.path}/comments`
}

/** The API's preview of a comment (nothing stored). */
export function commentPreviewApiPath(host: ThreadAddress): string {
  return `${commentsApiPath(host)}/preview`
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
