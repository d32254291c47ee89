/** What the import reads from a WordPress export (WXR 1.0-1.2), as plain strings and numbers. */

export interface WxrAuthor {
  id: number
  login: string
  email: string
  displayName: string
}

/** A category or tag of a post: its display name and WordPress's slug (percent-encoded as exported). */
export interface WxrTerm {
  domain: string
  nicename: string
  name: string
}

export interface WxrComment {
  id: number
  author: string
  email: string
  url: string
  /** Local wall time (`YYYY-MM-DD HH:MM:SS`) and the same in GMT (`0000-00-00 00:00:00` when unknown). */
  date: string
  dateGmt: string
  content: string
  /** `1`, `0`, `spam`, `trash` (and `post-trashed` for comments of a trashed post). */
  approved: string
  /** `comment` (or empty in old exports), `pingback`, `trackback`, or a plugin's type. */
  type: string
  parent: number
  userId: number
}

export interface WxrItem {
  /** 1-based line of the `<item>` in the file, for messages. */
  line: number
  id: number
  title: string
  link: string
  creator: string
  content: string
  excerpt: string
  date: string
  dateGmt: string
  /** WordPress's slug, percent-encoded as WordPress stores non-ASCII slugs. */
  name: string
  status: string
  type: string
  parent: number
  menuOrder: number
  /** `open` or `closed`. */
  commentStatus: string
  attachmentUrl: string
  terms: WxrTerm[]
  meta: Record<string, string>
  comments: WxrComment[]
}

export interface WxrChannel {
  title: string
  link: string
  /** The channel's `<language>` (`fr-FR`), the blog's language as WordPress knew it. */
  language: string
  wxrVersion: string
  baseSiteUrl: string
  baseBlogUrl: string
  authors: WxrAuthor[]
}

export interface WxrDocument {
  channel: WxrChannel
  items: WxrItem[]
}
