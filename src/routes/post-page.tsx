import type { Context } from 'hono'
import { verifyToken } from '../comments/hmac'
import { listThread } from '../comments/store'
import { buildThread, type Thread } from '../comments/tree'
import type { CommentRow } from '../comments/types'
import type { AppEnv } from '../env'
import { parseEditParam } from '../urls'
import { renderDiscussionPage, type DiscussionPageInput } from '../views/render'
import { turnstileSiteKey } from './comment-deps'
import { readThreadRows } from './thread-read'

/**
 * A post's page with its discussion, shared by the page route and by the form when it shows the
 * page again. One D1 query reads the whole public thread; when it fails the post still renders,
 * with a note, and the caller must not cache the page.
 */

/** The discussion page asked for: 1 when absent, null when `?page=` is not a positive integer as written. */
export function parsePage(value: string | undefined): number | null {
  if (value === undefined) return 1
  return /^[1-9]\d{0,5}$/.test(value) ? Number(value) : null
}

/** The post's public thread read from the primary, or null when D1 could not be read (logged). */
export async function loadThread(db: D1Database, meta: { slug: string }, maxDepth: number): Promise<Thread | null> {
  return threadOrNull(meta, () => listThread(db, meta.slug), maxDepth)
}

/**
 * The thread the post's public page shows: read beside the index when the request is the post's
 * page (`prefetchThread`), from a read replica (src/routes/thread-read.ts); null when D1 failed.
 */
export async function loadPublicThread(c: Context<AppEnv>, meta: { slug: string }, maxDepth: number): Promise<Thread | null> {
  return threadOrNull(meta, () => readThreadRows(c, meta.slug), maxDepth)
}

async function threadOrNull(meta: { slug: string }, read: () => Promise<CommentRow[]>, maxDepth: number): Promise<Thread | null> {
  try {
    return buildThread(await read(), { maxDepth })
  } catch (error) {
    console.error('reading the thread failed', meta.slug, error)
    return null
  }
}

/** What the page shows; `thread` comes from `loadThread`. */
export type PostPageInput = Omit<DiscussionPageInput, 'turnstileSiteKey'>

/** The page's HTML, or null when `page` is past the discussion's last page. */
export function postPageHtml(c: Context<AppEnv>, input: PostPageInput): string | null {
  return renderDiscussionPage(c.get('index').site, { ...input, turnstileSiteKey: turnstileSiteKey(c) })
}

/**
 * The poster's edit link carried by `?edit=<id>.<token>` (the 303 after a public comment), when
 * the token is valid now. A page showing it is personal: never cached.
 */
export async function posterEdit(c: Context<AppEnv>): Promise<{ id: number; token: string } | undefined> {
  const edit = parseEditParam(c.req.query('edit'))
  if (!edit) return undefined
  return (await verifyToken(c.env.SIGNING_KEY, edit.token, 'edit', edit.id, Date.now())) ? edit : undefined
}
