import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import { app } from '../../src/app'
import type { SiteConfig } from '../../src/content/types'
import { DEFAULT_SITE } from '../../src/content/site-defaults'
import { seedContent, type PostFixture } from '../fixtures/content'

/** Helpers of the comment route tests: requests to the Worker, seeded posts, a broken D1. */

let hosts = 0
/** A host of its own per test: the Cache API is shared by every test of the run. */
export const origin = (name = 'comments') => `https://${name}-${++hosts}-${Date.now()}.test`

export const yesterday = () => new Date(Date.now() - 86_400_000).toISOString()

/** Seeds one public post (and any others) with a comment policy; returns its slug. */
export async function seedPost(
  slug: string,
  { post = {}, comments = {}, site = {}, others = [] }: {
    post?: Partial<PostFixture>
    comments?: Partial<SiteConfig['comments']>
    site?: Partial<SiteConfig>
    others?: PostFixture[]
  } = {},
): Promise<string> {
  await seedContent(env.CONTENT, [{ slug, title: `Post ${slug}`, date: yesterday(), ...post }, ...others], {
    author: 'Ana Autora',
    ...site,
    comments: { ...DEFAULT_SITE.comments, moderation: 'all', ...comments },
  })
  return slug
}

export function get(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return exports.default.fetch(new Request(url, { headers, redirect: 'manual' }))
}

/** POSTs a urlencoded form, as a browser would. */
export function postForm(url: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return exports.default.fetch(
    new Request(url, { method: 'POST', body: new URLSearchParams(fields), headers, redirect: 'manual' }),
  )
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return exports.default.fetch(
    new Request(url, {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', ...headers },
      redirect: 'manual',
    }),
  )
}

/** Calls the app with some bindings replaced (a broken D1, a Turnstile secret), waiting for its background work. */
export async function fetchWith(request: Request, bindings: Record<string, unknown>): Promise<Response> {
  const ctx = createExecutionContext()
  const res = await app.fetch(request, { ...env, ...bindings }, ctx)
  await waitOnExecutionContext(ctx)
  return res
}

/** A D1 binding whose every call fails, as when D1 is unreachable. */
export const brokenDb = new Proxy({} as D1Database, {
  get() {
    return () => {
      throw new Error('D1_ERROR: Network connection lost.')
    }
  },
})

/** Stored rows of a post, straight from D1. */
export async function rowsOf(slug: string) {
  const { results } = await env.DB.prepare('SELECT * FROM comments WHERE post_slug = ?1 ORDER BY id').bind(slug).all<Record<string, unknown>>()
  return results
}

/** The comment id in a Location such as `/posts/x?page=2&edit=…#comment-12` or `/posts/x/comments/12?t=…`. */
export function commentIdOf(location: string | null): number {
  const match = /#comment-(\d+)$/.exec(location ?? '') ?? /\/comments\/(\d+)\?t=/.exec(location ?? '')
  if (!match) throw new Error(`no comment id in ${location}`)
  return Number(match[1])
}

/** The discussion section of a page. */
export function discussionOf(html: string): string {
  const start = html.indexOf('<section id="comments"')
  if (start < 0) throw new Error('no discussion on the page')
  return html.slice(start, html.indexOf('</section>', start) + '</section>'.length)
}

/**
 * The page a refused comment form gets (422, 429, 503): the form alone with the reader's text,
 * never the post and its thread, which would cost a full render per refusal; a reply shows
 * only the comment answered. Throws when it is the post page.
 */
export function refusedFormOf(html: string): string {
  if (html.includes('<section id="comments"')) throw new Error('the refusal rendered the post and its thread')
  if (!html.includes('<meta name="robots" content="noindex"/>')) throw new Error('the refused form is indexable')
  if (!html.includes('<form id="comment-form"')) throw new Error('no comment form on the page')
  return html
}

/** Comment ids in the order the page shows them. */
export function shownIds(html: string): number[] {
  return [...html.matchAll(/<li id="comment-(\d+)"/g)].map((m) => Number(m[1]))
}

/** The nesting level a comment is shown at (1 for top level), from the lists around it. */
export function depthOf(html: string, id: number): number {
  const at = html.indexOf(`<li id="comment-${id}"`)
  if (at < 0) throw new Error(`comment ${id} is not shown`)
  const before = html.slice(html.indexOf('<ol class="thread">'), at)
  return 1 + (before.match(/<ol class="replies">/g) ?? []).length - (before.match(/<\/ol>/g) ?? []).length
}

/** Fields of a comment form, as a test sends them. */
export const comment = (fields: Record<string, string> = {}) => ({ author: 'Léa', body: `A comment ${Math.random()}`, ...fields })
