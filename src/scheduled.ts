import { rerenderStale } from './comments/store'
import type { Bindings } from './env'
import { COMMENT_RENDER_VERSION, renderComment } from './markdown/comment'
import { runNotifyCron } from './notify'

/** Batches of stale comments re-rendered per run: bounded, so one run stays short. */
const RERENDER_BATCHES = 10

/**
 * The cron's work (every minute; `npm start` fires it locally): emails that are due are sent
 * (src/notify), and comment HTML made by an older renderer is re-rendered, so page views never
 * run the sanitizer. Each job runs whatever the other does: one failing does not stop the other.
 */
export async function runScheduled(env: Bindings): Promise<void> {
  const jobs = await Promise.allSettled([runNotifyCron(env), rerender(env)])
  for (const job of jobs) if (job.status === 'rejected') console.error('scheduled job failed', job.reason)
}

async function rerender(env: Bindings): Promise<void> {
  for (let batch = 0; batch < RERENDER_BATCHES; batch++) {
    if ((await rerenderStale(env.DB, COMMENT_RENDER_VERSION, renderComment)) < 100) break
  }
}
