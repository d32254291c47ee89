/** The site configuration, from `content/site.yaml`, published inside the content index. */
export interface SiteConfig {
  title: string
  description: string
  author: string
  /** BCP 47 tag of a language Palabre has UI strings for (`UI_LANGUAGES`: en, fr), checked at publish. */
  language: string
  /** IANA time zone in which dates are shown, e.g. `Europe/Paris`. */
  timeZone: string
  /** Absolute origin and path prefix of the public site, without a trailing slash. */
  baseUrl: string
  postsPerPage: number
  /** Seconds the edge may keep a page before asking the Worker again (purges come sooner). */
  cacheMaxAge: number
  comments: CommentPolicy
  email: {
    from: string
    /** The author's address: when set, it gets a notice of every new comment, held ones included. */
    author?: string
  }
}

export interface CommentPolicy {
  /** `all`: publish at once; `first-time`: hold until the commenter is trusted; `hold`: hold every comment. */
  moderation: 'all' | 'first-time' | 'hold'
  /** Deepest nesting level shown; deeper replies are shown at this level. */
  maxDepth: number
  /** Top-level threads per page of a discussion. */
  threadsPerPage: number
  /** A comment with more links than this is held for moderation. */
  maxLinks: number
  /**
   * Readers' tools (issue 13): a generated avatar beside each comment (src/comments/avatar.ts).
   * Absent in an index published before the option, so read as `avatars !== false`: on.
   */
  avatars: boolean
}

/** What the index knows of one post: everything a list, a feed or the page head needs. */
export interface PostMeta {
  slug: string
  title: string
  /** ISO 8601 instant. */
  date: string
  updated?: string
  tags: string[]
  /** Plain text: the front matter's `summary`, else the start of the post. */
  summary: string
  draft: boolean
  lang?: string
  /** Root-relative or absolute URL of the card image. */
  image?: string
  /** False closes the discussion. */
  comments: boolean
  words: number
  readingMinutes: number
  /** Content hash of the post's metadata, its HTML and the renderer's version: part of its KV key. */
  hash: string
}

/** A post as its page shows it. */
export interface Post extends PostMeta {
  /** The post's body as HTML, rendered by the publish tool (`renderPublishedPost`): trusted. */
  html: string
}

/** The `index` KV value: the site and every published post, newest first. */
export interface ContentIndex {
  /** Hash of everything published; changes whenever any post or the config changes. */
  version: string
  site: SiteConfig
  posts: PostMeta[]
  /**
   * Intrinsic sizes of the `content/media/` images that published posts show, keyed by root
   * path (`/media/x.svg`, decoded): the publish tool gave their `<img>` a width and height.
   */
  media?: Record<string, MediaSize>
}

/** An image's intrinsic size in CSS pixels, as it is displayed (EXIF rotation applied). */
export interface MediaSize {
  width: number
  height: number
}
