import { countTags, groupByMonth } from '../content/archive'
import type { Page, PostMeta, SiteConfig } from '../content/types'
import { ArchivePage } from './ArchivePage'
import { PageView } from './PageView'
import { discussionBytes, discussionOf, toHtml, type DiscussionInput } from './render'
import { TagsPage } from './TagsPage'

/** Whole pages of the site around the posts as HTML strings, as `render.tsx` makes the others. */

/** An author's page; `preview` for a draft shown to its author. */
export function renderPage(site: SiteConfig, page: Page, preview = false): string {
  return toHtml(<PageView site={site} page={page} html={page.html} preview={preview} />)
}

/**
 * A page that takes comments with page `input.page` of its discussion (`input.post` is the
 * page's `DiscussionHost`), or null when that is past the discussion's last page.
 */
export function renderPageWithDiscussion(site: SiteConfig, page: Page, input: DiscussionInput): string | null {
  const discussion = discussionOf(site, input)
  return discussion === null ? null : toHtml(<PageView site={site} page={page} html={page.html} discussion={discussion} />)
}

/** `renderPageWithDiscussion` as UTF-8 bytes, around a shell kept per isolate as `discussionPageBytes` does. */
export function pageWithDiscussionBytes(site: SiteConfig, page: Page, input: DiscussionInput): Uint8Array | null {
  const { html, ...meta } = page
  return discussionBytes(site, input, { key: ['page', meta, input.post, input.page, input.turnstileSiteKey], held: html }, (shown) =>
    renderPageWithDiscussion(site, page, shown),
  )
}

/** `/archive`, from the public posts newest first. */
export function renderArchivePage(site: SiteConfig, posts: PostMeta[]): string {
  return toHtml(<ArchivePage site={site} years={groupByMonth(posts, site.timeZone)} total={posts.length} />)
}

/** `/tags`, from the public posts. */
export function renderTagsPage(site: SiteConfig, posts: PostMeta[]): string {
  return toHtml(<TagsPage site={site} tags={countTags(posts, collator(site.language))} />)
}

const collators = new Map<string, Intl.Collator>()

function collator(locale: string): Intl.Collator {
  let found = collators.get(locale)
  if (!found) collators.set(locale, (found = new Intl.Collator(locale, { sensitivity: 'base', numeric: true })))
  return found
}
