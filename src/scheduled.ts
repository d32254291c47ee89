import { rerenderStale } from './comments/store'
import type { Bindings } from './env'
import { COMMENT_RENDER_VERSION, renderComment } from './markdown/comment'

/** Batches of stale comments re-rendered per run: bounded, so one run stays short. */
const RERENDER_BATCHES = 10

/**
 * The cron's work (every minute; `npm start` fires it locally). Comment HTML made by an older
 * renderer is re-rendered here, so page views never run the sanitizer.
 */
export async function runScheduled(env: Bindings): Promise<void> {
  for (let batch = 0; batch < RERENDER_BATCHES; batch++) {
    if ((await rerenderStale(env.DB, COMMENT_RENDER_VERSION, renderComment)) < 100) break
  }
}
