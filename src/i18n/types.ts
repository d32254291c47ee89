import type { AdminStrings } from './admin-types'
import type { CommentStrings } from './comments-types'
import type { SiteStrings } from './site-types'
import type { SearchStrings } from './search-types'

/** A message that depends on a count: one form per CLDR plural category, `other` required. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }

/** Every piece of UI text Palabre shows, in one language. `{n}` in a plural message is the count. */
export interface UiStrings {
  /** The BCP 47 language of these strings. */
  lang: string
  skipToContent: string
  mainNav: string
  home: string
  feeds: { label: string; atom: string; rss: string }
  poweredBy: string
  // The look (issue 11): the footer's list of the author's profiles elsewhere.
  social: string
  list: {
    noPosts: string
    pagination: string
    newer: string
    older: string
    pageTitle: (page: number) => string
  }
  post: {
    published: string
    /** Before the date of a draft, in its author's preview. */
    draftDated: string
    /** Before the date of a post not yet public, in its author's preview. */
    scheduledFor: string
    updated: string
    readingTime: PluralMessage
    tags: string
    share: string
    shareOn: (network: string) => string
    shareByEmail: string
    draftPreview: string
    scheduledPreview: (date: string) => string
  }
  tag: {
    title: (tag: string) => string
    count: PluralMessage
  }
  notFound: { title: string; message: string; home: string }
  error: { title: string; message: string; home: string }
  /** The discussion under a post and the commenter's own pages. */
  comments: CommentStrings
  /** The admin pages. */
  admin: AdminStrings
  /** Navigation, archive, list of tags, links between posts (pages). */
  site: SiteStrings
  /** Search: the header's form and the results page. */
  search: SearchStrings
  /** Text the post renderer writes into the post body. */
  markdown: {
    headingAnchor: (heading: string) => string
    footnotes: string
    backToReference: (n: string) => string
  }
}
