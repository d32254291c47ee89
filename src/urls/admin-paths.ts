/**
 * The admin's paths, all under `/admin`. Routes mount their handlers with Hono patterns relative
 * to it; every link, form action and redirect takes its path from here.
 */

export const ADMIN_PATH = '/admin'
export const ADMIN_LOGIN_PATH = `${ADMIN_PATH}/login`
export const ADMIN_LOGOUT_PATH = `${ADMIN_PATH}/logout`
export const ADMIN_STYLESHEET_PATH = `${ADMIN_PATH}/admin.css`
/** Where moderation forms post: one or many comment ids and an action. */
export const ADMIN_COMMENTS_PATH = `${ADMIN_PATH}/comments`
/**
 * Where destructive and bulk moderation buttons post first (`formaction`): a page that says what
 * will happen and posts to ADMIN_COMMENTS_PATH only when its button is pressed, so it works
 * without JavaScript and its form is CSRF-checked like every admin form.
 */
export const ADMIN_CONFIRM_PATH = `${ADMIN_COMMENTS_PATH}/confirm`
/** The dashboard's section of recent comments. */
export const ADMIN_RECENT_PATH = `${ADMIN_PATH}#recent-title`
/** The emails that failed. */
export const ADMIN_NOTIFICATIONS_PATH = `${ADMIN_PATH}/notifications`
export const ADMIN_MAILBOX_PATH = `${ADMIN_PATH}/mailbox`
export const ADMIN_DRAFTS_PATH = `${ADMIN_PATH}/drafts`

/** The author's reply to comment `id`, posted from the dashboard. */
export function adminReplyPath(id: number): string {
  return `${ADMIN_COMMENTS_PATH}/${id}/reply`
}

/** Queues failed email `id` again. */
export function adminRetryPath(id: number): string {
  return `${ADMIN_NOTIFICATIONS_PATH}/${id}/retry`
}

// Bans (issue 13, "moderation").
/** The bans and the form to ban an email; a comment's Ban button posts its `id` here. */
export const ADMIN_BANS_PATH = `${ADMIN_PATH}/bans`

/** Lifts ban `id` (POST). */
export function adminLiftBanPath(id: number): string {
  return `${ADMIN_BANS_PATH}/${id}/lift`
}
/** A commenter's data on request: the search form (GET), what is stored (POST `email`). */
export const ADMIN_COMMENTERS_PATH = `${ADMIN_PATH}/commenters`
/** The JSON download of what is stored under an address (POST `email`). */
export const ADMIN_COMMENTERS_EXPORT_PATH = `${ADMIN_COMMENTERS_PATH}/export`
/** The erasure (POST `email`, `text` = `keep` or `drop`). */
export const ADMIN_COMMENTERS_ERASE_PATH = `${ADMIN_COMMENTERS_PATH}/erase`
