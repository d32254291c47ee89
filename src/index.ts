import { app } from './app'
import { cachedPage } from './cache/hit'
import { avatarResponse } from './routes/avatars'
import type { Bindings } from './env'
import { runScheduled } from './scheduled'

export default {
  // A Cache API hit, and a generated avatar, are answered before the app (and its routing) runs.
  async fetch(request: Request, env: Bindings, ctx: ExecutionContext) {
    return avatarResponse(request) ?? (await cachedPage(request, ctx)) ?? app.fetch(request, env, ctx)
  },
  scheduled(_controller, env, ctx) {
    ctx.waitUntil(runScheduled(env))
  },
} satisfies ExportedHandler<Bindings>
