import { writePurge } from './cache/coalesce'
import { postTag } from './cache/tags'
import { rerenderStaleWithin } from './comments/store'
import { getIndex } from './content/store'
import type { Bindings } from './env'
import { COMMENT_RENDER_VERSION, renderComment } from './markdown/comment'
import { runNotifyCron } from './notify'

/**
 * What one cron run may spend re-rendering (it shares the run, and its 10 ms of CPU on the free
 * plan, with email delivery): at most `comments` comments and `characters` characters of their
 * text, whichever comes first, and no new batch after `wallMs`. Rendering is linear, so
 * characters stand for CPU: workerd's clock does not move during computation, only across I/O.
 * 20,000 characters is two worst-case 10,000-character bodies (under 5 ms each in the bench),
 * or about sixty ordinary comments. What is left waits for the next minute.
 */
export const RERENDER_BUDGET = { comments: 50, characters: 20_000, batch: 25, wallMs: 2_000 }
const ONE = { comments: 1, characters: Infinity }

/**
 * The cron's work (every minute; `npm start` fires it locally): emails that are due are sent
 * (src/notify), and comment HTML made by an older renderer is re-rendered, so page views never
 * run the sanitizer, and the pages that show it are purged. Each job runs whatever the other
 * does: one failing does not stop the other.
 */
export async function runScheduled(env: Bindings, ctx: ExecutionContext): Promise<void> {
  const jobs = await Promise.allSettled([runNotifyCron(env), rerenderAndPurge(env, ctx)])
  for (const job of jobs) if (job.status === 'rejected') console.error('scheduled job failed', job.reason)
}

/**
 * Re-renders stale comments, then purges the pages of the threads whose public HTML changed:
 * after an upgrade that changes the comment renderer (a sanitizer fix, say), a cached page would
 * otherwise keep the old HTML until its max-age. The purge is the comment writes' own
 * (`writePurge`: a page's thread under its page's tag, coalesced under Workers Cache; on the
 * Cache API path, under the site's origin, the only one a cron knows).
 */
async function rerenderAndPurge(env: Bindings, ctx: ExecutionContext): Promise<void> {
  const { slugs } = await rerenderStaleComments(env.DB)
  if (slugs.length === 0) return
  const index = await getIndex(env.CONTENT)
  const purge = writePurge(ctx, env, { origins: [new URL(index.site.baseUrl).origin], index })
  await purge(slugs.map(postTag))
}

/** What `rerenderStaleComments` did: how many comments, and the threads whose public page changed. */
export interface RerenderRun {
  comments: number
  slugs: string[]
}

/** Re-renders stale comments, oldest first, within `budget`. */
export async function rerenderStaleComments(db: D1Database, budget = RERENDER_BUDGET, now = Date.now): Promise<RerenderRun> {
  const start = now()
  let comments = 0
  let characters = 0
  const slugs = new Set<string>()
  const take = async (limits: { comments: number; characters: number }) => {
    const pass = await rerenderStaleWithin(db, COMMENT_RENDER_VERSION, renderComment, limits)
    for (const slug of pass.slugs) slugs.add(slug)
    comments += pass.comments
    characters += pass.characters
    return pass
  }
  while (comments < budget.comments && characters < budget.characters && now() - start < budget.wallMs) {
    const pass = await take({ comments: Math.min(budget.batch, budget.comments - comments), characters: budget.characters - characters })
    if (!pass.more) break
    if (pass.comments === 0) {
      // The oldest stale comment is longer than what is left: alone in a run, it still goes.
      if (comments === 0) await take(ONE)
      break
    }
  }
  return { comments, slugs: [...slugs] }
}
