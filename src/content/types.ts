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
  // Moderation rules and closing (issue 13, "moderation"): src/comments/rules.ts, closing.ts.
  /** Comments matching one of these wait in the queue (held reason `rule`). */
  hold?: ContentRules
  /** Comments matching one of these go to spam; the poster is told it awaits moderation. */
  block?: ContentRules
  /** Days after a post's date when its discussion closes; a post's own `closeAfterDays` wins. */
  closeAfterDays?: number
}

/**
 * One list of content rules, normalized by the site schema (src/content/schema-rules.ts):
 * `words` (words and phrases, matched whole, case- and accent-insensitive, on the name, the
 * email and the text), `names` (on the name only), `emails` (lowercase: an address, or
 * `@domain` for the domain and its subdomains), `links` (lowercase host names, punycode for
 * IDNs: links to them or their subdomains), `ips` (addresses or CIDR ranges, IPv4 or IPv6).
 */
export interface ContentRules {
  words: string[]
  names: string[]
  emails: string[]
  links: string[]
  ips: string[]
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
  /** Days after `date` when the discussion closes (front matter), over the site's `comments.closeAfterDays`. */
  closeAfterDays?: number
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
