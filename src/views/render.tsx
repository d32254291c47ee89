import type { Child } from 'hono/jsx'
import type { HtmlEscapedString } from 'hono/utils/html'
import type { PostMeta, Post, SiteConfig } from '../content/types'
import { uiStrings } from '../i18n'
import { renderPost } from '../markdown/post'
import { HomePage, type HomePageProps } from './HomePage'
import { PostPage } from './PostPage'
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
}

/** The full HTML of a post's page: its markdown rendered, in its own language. */
export function renderPostPage(site: SiteConfig, post: Post, options: PostPageOptions = {}): string {
  const ui = uiStrings(post.lang ?? site.language)
  const html = renderPost(post.markdown, { baseUrl: site.baseUrl, labels: ui.markdown })
  return toHtml(<PostPage site={site} post={post} html={html} {...options} />)
}

/** The full HTML of page `page` of the post list (`posts` are that page's posts). */
export function renderHomePage(props: HomePageProps): string {
  return toHtml(<HomePage {...props} />)
}

/** The full HTML of a tag's page. */
export function renderTagPage(site: SiteConfig, tag: string, posts: PostMeta[]): string {
  return toHtml(<TagPage site={site} tag={tag} posts={posts} />)
}

function toHtml(node: HtmlEscapedString | Promise<HtmlEscapedString>): string {
  // A JSX node renders when stringified; an async component anywhere makes that a Promise.
  const html: unknown = node instanceof Promise ? node : node.toString()
  if (typeof html !== 'string') throw new Error('a page component rendered asynchronously')
  return html
}
