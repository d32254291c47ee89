import type { CommentErrorCode } from '../errors/codes'
import type { PluralMessage } from './types'

export type { CommentErrorCode }

/** The form fields a message can sit beside. */
export type CommentField = 'author' | 'email' | 'body' | 'notify'

/** The discussion under a post, its form, and the commenter's own pages. */
export interface CommentStrings {
  /** The discussion's heading when its count is unknown. */
  heading: string
  /** "{n} comments": the discussion's heading and the count on lists. */
  count: PluralMessage
  empty: string
  unavailable: string
  closed: string
  feed: string
  authorBadge: string
  deleted: string
  inReplyTo: string
  reply: string
  replyTo: (name: string) => string
  editLink: string
  pagination: { label: string; earlier: string; later: string; pageOf: (page: number, count: number) => string }
  form: {
    title: string
    replyingTo: string
    newThread: string
    name: string
    email: string
    emailHint: string
    body: string
    bodyHint: string
    notify: string
    notifyNone: string
    notifyReplies: string
    notifyPost: string
    honeypot: string
    submit: string
    /** Shown above the button when comments may wait for approval. */
    heldNote: { 'first-time': string; hold: string }
    errorSummary: string
  }
  /** Messages for refusals; `invalid_input` heads a list of field problems. */
  errors: Record<CommentErrorCode, string>
  /** A short message per field in this language; prefer `fieldError`, which keeps the schema's detail in English. */
  fieldErrors: Record<CommentField, string>
  /**
   * The message beside a field, from the schema's (English) one: English keeps it, since the
   * schema's messages are the English UI; other languages give their `fieldErrors`.
   */
  fieldError: (field: CommentField, english: string) => string
  held: { title: string; message: string; badge: string; published: string; seeIt: string; back: string }
  replyPage: { title: (name: string) => string }
  edit: {
    title: string
    until: (time: string) => string
    save: string
    deleteTitle: string
    deleteHint: string
    delete: string
    deleted: string
    deletedNote: string
    invalidTitle: string
  }
  closedPage: { title: string; message: string; yourText: string }
  /** The 413 page: what was sent is larger than the form takes (`kilobytes`); nothing of it was read. */
  tooLarge: { title: string; message: (kilobytes: number) => string }
  feedTitle: (postTitle: string) => string
  feedEntryTitle: (name: string) => string
  // Readers' tools (issue 13): the preview, the site-wide comment feed, avatars.
  preview: {
    /** The form's second submit button (`name="preview"`). */
    button: string
    heading: string
    /** Under the preview: nothing was sent yet. */
    note: string
  }
  siteFeedTitle: (siteTitle: string) => string
  siteFeedEntryTitle: (name: string, postTitle: string) => string
  // A commenter's data on request (issue 12): the name their erased comments show.
  anonymous: string
}
