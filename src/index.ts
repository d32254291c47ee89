import { app } from './app'
import { flushDuePurges, purgeWindowMs } from './cache/coalesce'
import { cachedPage } from './cache/hit'
import { workersCache } from './cache/purge'
import { avatarResponse } from './routes/avatars'
import type { Bindings } from './env'
import { runScheduled } from './scheduled'

export default {
  // A Cache API hit, and a generated avatar, are answered before the app (and its routing) runs.
  async fetch(request: Request, env: Bindings, ctx: ExecutionContext) {
    return avatarResponse(request) ?? (await cachedPage(request, ctx)) ?? app.fetch(request, env, ctx)
  },
  scheduled(_controller, env, ctx) {
    ctx.waitUntil(runScheduled(env, ctx))
    // Purges an evicted isolate could not send at the end of their window (src/cache/coalesce.ts).
    const edge = workersCache(ctx)
    if (edge) ctx.waitUntil(flushDuePurges(env.DB, edge, Date.now(), purgeWindowMs(env)).catch((error) => console.error('purge flush failed', error)))
  },
} satisfies ExportedHandler<Bindings>
