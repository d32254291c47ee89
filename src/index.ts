import { app } from './app'
import { cachedPage } from './cache/hit'
import type { Bindings } from './env'
import { runScheduled } from './scheduled'

export default {
  // A Cache API hit is answered before the app (and its routing) runs.
  async fetch(request: Request, env: Bindings, ctx: ExecutionContext) {
    return (await cachedPage(request, ctx)) ?? app.fetch(request, env, ctx)
  },
  scheduled(_controller, env, ctx) {
    ctx.waitUntil(runScheduled(env))
  },
} satisfies ExportedHandler<Bindings>
