import type { CommentStatus } from '../../comments/types'

/** One markdown file the import writes under `content/` (`posts/<slug>.md` or `pages/<slug>.md`). */
export interface PlannedFile {
  kind: 'post' | 'page'
  wpId: number
  slug: string
  title: string
  /** Relative to `content/`. */
  path: string
  text: string
  /** `new`: written; `same`: the file is already there, byte for byte; `kept`: there, with other text, of the same post (the author's edits win). */
  state: 'new' | 'same' | 'kept'
}

/** A file copied from the uploads folder to `content/media/`. */
export interface PlannedMedia {
  from: string
  /** Relative to `content/media/`. */
  to: string
  state: 'new' | 'same'
}

/** A comment row to store, values as the comments table holds them. */
export interface PlannedComment {
  wpId: number
  /** Palabre's id: the WordPress id, or a new one when that id is taken. */
  id: number | null
  postSlug: string
  /** The stable import key of the parent (null for a top-level comment). */
  parentKey: string | null
  authorName: string
  authorEmail: string | null
  body: string
  bodyHtml: string
  renderVersion: number
  status: CommentStatus
  createdAt: number
  isAuthor: boolean
  /** `wordpress:<blog>:<comment id>`, stored as the row's submit key: how a later import knows it. */
  importKey: string
}

export interface PlannedRedirect {
  from: string
  to: string
}

export interface ImportPlan {
  files: PlannedFile[]
  media: PlannedMedia[]
  /** Uploads referenced but not found (or not downloadable): the original URL is kept. */
  missingMedia: string[]
  /** Comments to insert (already imported ones are not here), parents before replies. */
  comments: PlannedComment[]
  /** Comments of this export already in D1 (by import key). */
  commentsAlready: number
  /** WordPress ids that another comment holds in D1: those comments get new ids. */
  takenIds: number[]
  redirects: PlannedRedirect[]
  skipped: { pingbacks: number; private: number; trashed: number; other: number }
  /** Commenters' website URLs, which Palabre does not store. */
  droppedUrls: number
  unknownShortcodes: Map<string, string[]>
  warnings: string[]
  /** What makes the import refuse to write anything. */
  errors: string[]
}
