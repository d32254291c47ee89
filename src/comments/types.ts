/** Comment shapes: `CommentRow` (stored), `NewComment` (to store), `CommentNode` (in a public tree). */

export const COMMENT_STATUSES = ['pending', 'approved', 'spam', 'deleted'] as const
export type CommentStatus = (typeof COMMENT_STATUSES)[number]

/** Why a comment is held for moderation (migrations/0004_held_reason.sql), shown in the queue. */
export const HELD_REASONS = ['first_time', 'too_many_links', 'held_by_policy', 'rule', 'edit_added_link'] as const
export type HeldReason = (typeof HELD_REASONS)[number]

/** What the commenter asked to be told about: replies to them, or every comment on the post. */
export type NotifyWish = 'replies' | 'post'

/**
 * A stored comment. It carries private fields (email, IP HMAC, submit key): never send a row to
 * readers as is; public output goes through `buildThread` (CommentNode).
 */
export interface CommentRow {
  id: number
  postSlug: string
  parentId: number | null
  authorName: string
  authorEmail: string | null
  /** Source text exactly as posted. */
  body: string
  /** Sanitized HTML rendered from `body` by the renderer of `renderVersion`. */
  bodyHtml: string
  renderVersion: number
  status: CommentStatus
  /** Unix milliseconds. */
  createdAt: number
  /** Unix milliseconds of the last change of any kind (edit, status). */
  updatedAt: number
  ipHmac: string | null
  /** Written by the blog's author (badge; the name is reserved for them). */
  isAuthor: boolean
  notify: NotifyWish | null
  submitKey: string
  /**
   * Why it waits in the queue; null once it leaves the queue, and for comments held before
   * reasons were kept. Always set by the store; optional only so that rows built by hand (test
   * fixtures) need not name it.
   */
  heldReason?: HeldReason | null
  /**
   * The key of the commenter's generated avatar (`avatarKey`): null for the author's comments and
   * for those written before avatars. Optional, like `heldReason`, for rows built by hand.
   */
  avatarKey?: string | null
}

/** A validated, rendered comment ready to store; the store derives the id and the submit key. */
export type NewComment = Omit<CommentRow, 'id' | 'updatedAt' | 'submitKey'>

/** One comment in a public thread: no email, no IP. */
export interface CommentNode {
  id: number
  /** The comment it answers (null for a top-level comment), whatever depth it is shown at. */
  parentId: number | null
  /** Empty for a deleted placeholder. */
  author: string
  isAuthor: boolean
  createdAt: number
  /** Source text; empty for a deleted placeholder. */
  body: string
  /** Sanitized HTML, safe to insert raw; empty for a deleted placeholder. */
  html: string
  /** A "[deleted]" placeholder kept because replies below it are visible. */
  deleted: boolean
  /** Level it is shown at: 1 for top-level, at most the thread's maxDepth. */
  depth: number
  /** Set when the comment is shown below a different comment than the one it answers (depth clamp). */
  inReplyTo?: { id: number; author: string }
  /** The generated avatar's key (null: none; the author's comments show the author's). */
  avatar?: string | null
  /** Oldest first. */
  replies: CommentNode[]
}
