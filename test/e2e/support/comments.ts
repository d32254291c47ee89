import type { Page } from 'playwright-core'
import type { PublicComment } from '../../../src/routes/comments-api'
import type { PalabreUnderTest } from './features'

/** The server as the API helpers need it. */
type Server = Pick<PalabreUnderTest, 'origin' | 'adminToken'>

/** A comment as the JSON APIs answer it: the public shape, plus the status a POST reports. */
export type ApiComment = Omit<PublicComment, 'replies'> & { status?: string; replies: ApiComment[] }

/** Text no other test (or run) writes, so a test finds its own comment and only it. */
export function unique(label: string): string {
  return `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`
}

/**
 * Posts through the public JSON API with the admin bearer token: an admin request skips rate
 * limits and moderation, so the comment is public at once.
 */
export async function postAsAdmin(
  app: Server,
  slug: string,
  comment: { author: string; body: string; parentId?: number | null },
): Promise<ApiComment> {
  const response = await fetch(`${app.origin}/api/posts/${encodeURIComponent(slug)}/comments`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${app.adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(comment),
  })
  if (response.status !== 201) throw new Error(`POST comment: ${response.status} ${await response.text()}`)
  return ((await response.json()) as { comment: ApiComment }).comment
}

/** Approves comment `id` through the admin API. */
export async function approve(app: Server, id: number): Promise<void> {
  const response = await fetch(`${app.origin}/api/admin/comments/${id}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${app.adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ status: 'approved' }),
  })
  if (!response.ok) throw new Error(`PATCH comment ${id}: ${response.status} ${await response.text()}`)
}

/** The public thread of `slug`, flattened (every comment at any depth). */
export async function publicComments(app: Server, slug: string): Promise<ApiComment[]> {
  const response = await fetch(`${app.origin}/api/posts/${encodeURIComponent(slug)}/comments`)
  const { comments } = (await response.json()) as { comments: ApiComment[] }
  const flat: ApiComment[] = []
  const walk = (nodes: ApiComment[]) => nodes.forEach((node) => (flat.push(node), walk(node.replies)))
  walk(comments)
  return flat
}

/** Where the form sent the poster: the comment's anchor (public) or their own signed view (held). */
export interface Landing {
  id: number
  held: boolean
}

/**
 * Fills the page's comment form (`#comment-form`, the post's or a reply page's) as a reader
 * would and submits it; resolves with the comment the 303 landed on.
 */
export async function submitCommentForm(page: Page, fields: { author: string; body: string; email?: string }): Promise<Landing> {
  const form = page.locator('form#comment-form')
  await form.locator('input[name=author]').fill(fields.author)
  if (fields.email) await form.locator('[name=email]').fill(fields.email)
  await form.locator('textarea[name=body]').fill(fields.body)
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
    form.locator('button[type=submit]:not([name=preview])').click(),
  ])
  if (response.status() !== 303) {
    await page.waitForLoadState()
    const problems = await page.locator('.form-errors, .field-error').allInnerTexts()
    throw new Error(`the comment form answered ${response.status()}: ${problems.join(' / ')}`)
  }
  await page.waitForURL(/\/comments\/\d+\?t=|#comment-\d+$/)
  return landingOf(page.url())
}

/**
 * Sends the page's comment form with fields the browser's own checks would stop (a wrong email,
 * say) by turning those checks off, as an old browser would; resolves with the answer's status
 * once the page shown again has loaded.
 */
export async function submitInvalidForm(page: Page, fields: Record<string, string>): Promise<number> {
  const form = page.locator('form#comment-form')
  for (const [name, value] of Object.entries(fields)) {
    const field = form.locator(`[name=${name}]`)
    if (name === 'notify') await field.selectOption(value)
    else await field.fill(value)
  }
  await form.evaluate((el: { noValidate: boolean }) => (el.noValidate = true))
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
    form.locator('button[type=submit]:not([name=preview])').click(),
  ])
  await page.waitForURL((url) => url.pathname.endsWith('/comments'))
  await page.waitForLoadState()
  return response.status()
}

export function landingOf(url: string): Landing {
  const held = /\/comments\/(\d+)\?t=/.exec(url)
  if (held) return { id: Number(held[1]), held: true }
  const anchor = /#comment-(\d+)$/.exec(url)
  if (anchor) return { id: Number(anchor[1]), held: false }
  throw new Error(`the comment form landed on ${url}, neither a comment anchor nor the poster's own view`)
}
