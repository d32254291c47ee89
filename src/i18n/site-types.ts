import type { PluralMessage } from './types'

/** Strings of the site around the posts: navigation, archive, list of tags, links between posts. */
export interface SiteStrings {
  /** The header navigation's own links, after the author's. */
  nav: { archive: string; tags: string }
  archive: {
    title: string
    count: PluralMessage
  }
  tags: {
    title: string
    /** Posts with the tag, after its name. */
    count: PluralMessage
    none: string
  }
  /** The links at the end of a post to the one before and after it. */
  postNav: { label: string; older: string; newer: string }
  /** Before the links to a post's translations. */
  translations: string
  /** The banner of a draft page's preview. */
  draftPage: string
}
