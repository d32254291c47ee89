import type { Child } from 'hono/jsx'
import type { HtmlEscapedString } from 'hono/utils/html'
import type { ShownThread } from '../comments/discussion-pages'
import type { Thread } from '../comments/tree'
import { postHost } from '../content/discussion-host'
import type { PostSurroundings } from '../content/surroundings'
import type { PostMeta, Post, SiteConfig } from '../content/types'
import { Discussion, type DiscussionProps } from './Discussion'
import { HomePage, type HomePageProps } from './HomePage'
import { encoded, pageBytes } from './page-shell'
import { PostPage } from './PostPage'
import { shownThread, type PosterEdit } from './shown-thread'
import { TagPage } from './TagPage'

/**
 * Whole pages as HTML strings, outside any request: the routes send them, and the Node
 * benchmark times them. Components passed in (the discussion) must render synchronously.
 */

export interface PostPageOptions {
  /** Show a draft or a scheduled post with the preview banner. */
  preview?: boolean
  /** The post's discussion, placed after the article. */
  discussion?: Child
  /** Its neighbours and translations, linked from the page. */
  around?: PostSurroundings
}

/** The full HTML of a post's page, around its HTML as the publish tool rendered it. */
export function renderPostPage(site: SiteConfig, post: Post, options: PostPageOptions = {}): string {
  return toHtml(<PostPage site={site} post={post} html={post.html} {...options} />)
}

export interface DiscussionPageInput {
  post: Post
  /**
   * The whole public thread (`buildThread`), or the page of it shown already (`shownThread`, or
   * stored: src/comments/discussion-pages.ts); null when it could not be read.
   */
  thread: Thread | ShownThread | null
  /** The page of the discussion asked for, from 1. */
  page: number
  /** Its neighbours and translations (`postSurroundings`). */
  around?: PostSurroundings
  form?: DiscussionProps['form']
  edit?: DiscussionInput['edit']
  turnstileSiteKey?: string
}

/**
 * The full HTML of a post's page showing page `page` of its discussion, or null when `page` is
 * past the discussion's last page.
 */
export function renderDiscussionPage(site: SiteConfig, input: DiscussionPageInput): string | null {
  const { post, around, ...discussionInput } = input
  const discussion = discussionOf(site, { ...discussionInput, post: postHost(post) })
  return discussion === null ? null : renderPostPage(site, post, { discussion, around })
}

/**
 * `renderDiscussionPage` as UTF-8 bytes. A public page of a discussion (a page of the thread
 * shown already, no form, no poster's link) is joined to a shell kept per isolate for the same
 * post, surroundings and counts (src/views/page-shell.ts), so that a miss renders only what
 * changed; any other page is rendered whole. The key must name every input of the page: a prop
 * added to `PostPage`, `Discussion` or what they render goes into it (and into
 * test/unit/page-shell.test.ts), or a shell rendered without it is served with it.
 */
export function discussionPageBytes(site: SiteConfig, input: DiscussionPageInput): Uint8Array | null {
  const { html, ...meta } = input.post
  return discussionBytes(site, input, { key: ['post', meta, input.page, input.around, input.turnstileSiteKey], held: html }, (page) =>
    renderDiscussionPage(site, page),
  )
}

/** What a page of a discussion is rendered from, as `discussionBytes` reads it. */
type WithThread = Pick<DiscussionInput, 'thread' | 'form' | 'edit'>

/**
 * The bytes of `render(input)`, a page showing a discussion: from the shell kept for `page.key`
 * (every input of the page but the thread and `page.held`, the host's own HTML) and the thread's
 * counts when the page is public and its thread shown already; else rendered whole.
 */
export function discussionBytes<I extends WithThread>(
  site: SiteConfig,
  input: I,
  page: { key: unknown[]; held: string },
  render: (input: I) => string | null,
): Uint8Array | null {
  const { thread } = input
  if (!thread || 'roots' in thread || input.form || input.edit) return encoded(render(input))
  const key = JSON.stringify([...page.key, thread.count, thread.pageCount, thread.html === ''])
  // An empty thread is no part: the page then holds no thread's HTML to replace.
  const parts = thread.html === '' ? [] : [thread.html]
  return pageBytes(site, { key, held: [page.held], parts }, ([threads]) => render({ ...input, thread: { ...thread, html: threads ?? '' } }))
}

/** What the discussion of any host shows: one page of its thread, the form, the poster's link. */
export type DiscussionInput = Omit<DiscussionProps, 'site' | 'shown'> & {
  /** As in `DiscussionPageInput`. */
  thread: Thread | ShownThread | null
  /** The poster's own edit link (uncached responses only; with a whole thread only). */
  edit?: PosterEdit
}

/**
 * Page `input.page` of a discussion (post or page), or null when it is past the discussion's
 * last page. Synchronous, so the page around it can hold it.
 */
export function discussionOf(site: SiteConfig, input: DiscussionInput): Child | null {
  const { thread, edit, ...rest } = input
  const shown = thread && 'roots' in thread ? shownThread(site, rest.post, thread, rest.page, edit) : thread
  if (thread && !shown) return null
  return <Discussion site={site} shown={shown} {...rest} />
}

/** The full HTML of page `page` of the post list (`posts` are that page's posts). */
export function renderHomePage(props: HomePageProps): string {
  return toHtml(<HomePage {...props} />)
}

/** The full HTML of a tag's page. */
export function renderTagPage(site: SiteConfig, tag: string, posts: PostMeta[]): string {
  return toHtml(<TagPage site={site} tag={tag} posts={posts} />)
}

/** A page component as its HTML string; throws when it rendered asynchronously. */
export function toHtml(node: HtmlEscapedString | Promise<HtmlEscapedString>): string {
  // A JSX node renders when stringified; an async component anywhere makes that a Promise.
  const html: unknown = node instanceof Promise ? node : node.toString()
  if (typeof html !== 'string') throw new Error('a page component rendered asynchronously')
  return html
}
