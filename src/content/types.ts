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
  // pages: the site's navigation.
  /**
   * The header navigation. In `site.yaml`, the author's own links; in the published index, the
   * whole navigation as the publish tool resolved it (`buildNavigation`): the pages that have a
   * `menu` number, in that order, then those links. Absent when there is nothing to show.
   */
  menu?: MenuLink[]
  // The look (issue 11): set in site.yaml, except what the publish tool adds (the logo's size,
  // `stylesheet`). See src/content/schema-look.ts.
  /** The site's logo, an image in `content/media/`, shown beside the title in the header. */
  logo?: SiteLogo
  /** Link and button colour per colour scheme, each checked for 4.5:1 against its backgrounds. */
  accent?: AccentColours
  /** Plain text shown in every page's footer in place of "© <author>". */
  footer?: string
  /** The author's profiles elsewhere, linked with `rel="me"` in the footer. */
  social?: SocialLink[]
  /** Origins (`https://host`) whose iframes posts may embed: the CSP's `frame-src`. */
  embeds?: string[]
  /**
   * Root path of the site's stylesheet (the accent's custom properties, then `content/theme.css`),
   * content-addressed; set by the publish tool when there is an accent or a theme.css.
   */
  stylesheet?: string
}

/** One link of the header navigation. */
export interface MenuLink {
  title: string
  /** Root-relative path (`/about`) or absolute http(s) URL. */
  url: string
}

export interface SiteLogo {
  /** Root path, `/media/<file>`. */
  src: string
  /** Intrinsic size, read at publish (absent when it could not be read). */
  width?: number
  height?: number
}

export interface AccentColours {
  /** `#rrggbb` used in light mode. */
  light: string
  /** `#rrggbb` used in dark mode. */
  dark: string
}

export interface SocialLink {
  title: string
  /** An absolute http(s) or mailto URL. */
  url: string
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
  /**
   * Readers' tools (issue 13): a generated avatar beside each comment (src/comments/avatar.ts).
   * Absent in an index published before the option, so read as `avatars !== false`: on.
   */
  avatars: boolean
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
  /** The same text in other languages: language tag → that post's slug (checked both ways at publish). */
  translations?: Record<string, string>
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

/** What the index knows of one page (`content/pages/<slug>.md`), served at `/<slug>`. */
export interface PageMeta {
  slug: string
  title: string
  /** Plain text: the front matter's `summary`, else the start of the page. */
  summary: string
  draft: boolean
  lang?: string
  /** True opens a discussion under the page (pages take none unless asked). */
  comments: boolean
  /** Its place in the header navigation; absent when the page is not in it. */
  menu?: number
  /** Content hash of the page's metadata, its HTML and the renderer's version: part of its KV key. */
  hash: string
}

/** A page as its route shows it. */
export interface Page extends PageMeta {
  /** The page's body as HTML, rendered by the publish tool (`renderPublishedPost`): trusted. */
  html: string
}

/** The `index` KV value: the site and every published post, newest first. */
export interface ContentIndex {
  /** Hash of everything published; changes whenever any post or the config changes. */
  version: string
  site: SiteConfig
  posts: PostMeta[]
  /** Every published page, by slug; absent in an index written before pages existed. */
  pages?: PageMeta[]
  /**
   * Intrinsic sizes of the `content/media/` images that published posts show, keyed by root
   * path (`/media/x.svg`, decoded): the publish tool gave their `<img>` a width and height.
   */
  media?: Record<string, MediaSize>
  /**
   * KV key of the confusables table (`confusablesKey`) that a comment's name is compared with the
   * author's through (src/comments/confusables-store.ts); absent in an index written before it.
   */
  confusables?: string
  /**
   * True when the publish that wrote this index also stored every post's copy (`postCopyKey`),
   * which a post's page reads beside the index; absent in an index written before copies, so
   * that the next publish writes them all (src/cli/plan.ts).
   */
  postCopies?: true
}

/** An image's intrinsic size in CSS pixels, as it is displayed (EXIF rotation applied). */
export interface MediaSize {
  width: number
  height: number
}
