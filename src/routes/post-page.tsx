import type { Context } from 'hono'
import { readDiscussion, storeDiscussion, type ShownThread } from '../comments/discussion-pages'
import { verifyToken } from '../comments/hmac'
import { listThread } from '../comments/store'
import { buildThread, type Thread } from '../comments/tree'
import type { CommentRow } from '../comments/types'
import type { DiscussionHost } from '../content/discussion-host'
import type { AppEnv } from '../env'
import { parseEditParam } from '../urls'
import { discussionPageBytes, type DiscussionPageInput } from '../views/render'
import { discussionViewKey, shownThread, type PosterEdit } from '../views/shown-thread'
import { turnstileSiteKey } from './comment-deps'
import { publicReads, readPublicDiscussion } from './thread-read'

/**
 * A post's page with its discussion, shared by the page route and by the form when it shows the
 * page again. One D1 batch reads the discussion's stored page, or the whole public thread; when
 * it fails the post still renders, with a note, and the caller must not cache the page.
 */

/** The post's public thread read from the primary, or null when D1 could not be read (logged). */
export async function loadThread(db: D1Database, meta: { slug: string }, maxDepth: number): Promise<Thread | null> {
  return threadOrNull(meta, () => listThread(db, meta.slug), maxDepth)
}

/** What a public page of a discussion shows of its thread (`publicDiscussion`). */
export interface PublicDiscussion {
  /** The page of the thread; null when D1 could not be read (logged), 'past-end' past its last page. */
  shown: ShownThread | null | 'past-end'
  /** The poster's own edit link (`posterEdit`), shown under their comment: the page is then personal. */
  edit?: PosterEdit
}

/**
 * Page `page` of the public discussion of `host`, as this request shows it. Read beside the
 * index when the request is a post's page (`prefetchThread`), from a read replica
 * (src/routes/thread-read.ts). The stored page (src/comments/discussion-pages.ts) when one is
 * valid for the thread's version and for this view (`discussionViewKey`); else rendered from
 * the rows, as before, and stored for the next views after the response, unless it carries the
 * poster's edit link.
 */
export async function publicDiscussion(c: Context<AppEnv>, host: DiscussionHost, page: number): Promise<PublicDiscussion> {
  const edit = await posterEdit(c)
  const { site } = c.get('index')
  try {
    let read = await readPublicDiscussion(c, host.slug, page, { primary: edit !== undefined })
    const viewKey = discussionViewKey(site, host)
    if (!edit && read.stored?.viewKey === viewKey) return { shown: read.stored }
    // Stored for another view (after a publish that changed it, or by another Worker version).
    if (!read.rows) read = await readDiscussion(publicReads(c.env.DB), host.slug, page, { rows: 'always' })
    const shown = shownThread(site, host, buildThread(read.rows!, { maxDepth: site.comments.maxDepth }), page, edit)
    if (!shown) return { shown: 'past-end', edit }
    if (!edit) c.executionCtx.waitUntil(storeDiscussion(c.env.DB, host.slug, page, read.version, viewKey, shown).catch(
      (error: unknown) => console.error('storing the discussion page failed', host.slug, page, error),
    ))
    return { shown, edit }
  } catch (error) {
    console.error('reading the thread failed', host.slug, error)
    return { shown: null, edit }
  }
}

async function threadOrNull(meta: { slug: string }, read: () => Promise<CommentRow[]>, maxDepth: number): Promise<Thread | null> {
  try {
    return buildThread(await read(), { maxDepth })
  } catch (error) {
    console.error('reading the thread failed', meta.slug, error)
    return null
  }
}

/** What the page shows; `thread` comes from `loadThread` or `publicDiscussion`. */
export type PostPageInput = Omit<DiscussionPageInput, 'turnstileSiteKey'>

/**
 * The page's HTML as UTF-8 bytes, or null when `page` is past the discussion's last page. A
 * public page is joined to the shell this isolate kept for it (`discussionPageBytes`).
 */
export function postPageBytes(c: Context<AppEnv>, input: PostPageInput): Uint8Array | null {
  return discussionPageBytes(c.get('index').site, { ...input, turnstileSiteKey: turnstileSiteKey(c) })
}

/**
 * `c.html(html)` for a page made UTF-8 bytes already (`discussionPageBytes`): workerd makes
 * bytes of a string body more slowly than `TextEncoder` does (a page of 130 KB, built of many
 * pieces), and the cache middleware reads the body as bytes anyway (the ETag, the Cache API).
 * For the pages a cache miss of a discussion serves; measured in `npm run bench`, README
 * "Notes for maintainers".
 */
export function htmlBytes(c: Context<AppEnv>, bytes: Uint8Array): Response {
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'text/html; charset=UTF-8' })
}

/**
 * The poster's edit link carried by `?edit=<id>.<token>` (the 303 after a public comment), when
 * the token is valid now. A page showing it is personal: never cached.
 */
async function posterEdit(c: Context<AppEnv>): Promise<PosterEdit | undefined> {
  const edit = parseEditParam(c.req.query('edit'))
  if (!edit) return undefined
  return (await verifyToken(c.env.SIGNING_KEY, edit.token, 'edit', edit.id, Date.now())) ? edit : undefined
}
