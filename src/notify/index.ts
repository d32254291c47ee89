import { threadLink } from '../content/discussion-host'
import { getIndex } from '../content/store'
import type { ContentIndex } from '../content/types'
import type { Bindings } from '../env'
import { deliverDue, drainOutbox, type DeliveryDeps, type DeliveryReport } from './delivery'
import { transportFor, type TransportConfig } from './transports'
import { webhookFormat, webhookSender } from './webhook'

/**
 * Reply notifications (issue 4): subscriptions with double opt-in, an outbox written in the
 * same batch as the comment, delivery by the request's waitUntil and then the cron, and the
 * transports. Routes and the comment service use this face.
 */

export { approvalStatements, newCommentStatements } from './planning'
export type { CommentRef, SubmittedComment } from '../comments/store'
export type { DeliveryDeps, DeliveryReport } from './delivery'

/** The Worker's bindings as notifications read them: `SEND_EMAIL` exists only when configured. */
export type NotifyEnv = Bindings & TransportConfig

/** Delivery's dependencies from the Worker's bindings and the published content (the site, the titles and paths of posts and pages). */
export function deliveryDeps(env: NotifyEnv, index: ContentIndex, options: { fetch?: typeof fetch } = {}): DeliveryDeps {
  return {
    db: env.DB,
    signingKey: env.SIGNING_KEY,
    site: index.site,
    thread: (slug) => threadLink(index, slug),
    transport: (audience) => transportFor(env, audience, options),
    webhook: env.WEBHOOK_URL ? webhookSender({ url: env.WEBHOOK_URL, format: webhookFormat(env.WEBHOOK_FORMAT), fetch: options.fetch }) : undefined,
  }
}

/**
 * The immediate try for the emails about `commentIds`, after the response (`waitUntil`): the
 * request never waits for email, and a failure here only leaves the rows to the cron.
 */
export function deliverSoon(ctx: Pick<ExecutionContext, 'waitUntil'>, deps: DeliveryDeps, commentIds: readonly number[]): void {
  if (commentIds.length === 0) return
  ctx.waitUntil(
    deliverDue(deps, { now: Date.now(), commentIds }).catch((error: unknown) => {
      console.error('immediate email delivery failed; the cron will retry', error)
    }),
  )
}

/** The cron's share: send whatever is due. */
export async function runNotifyCron(env: NotifyEnv, now = Date.now()): Promise<DeliveryReport> {
  return drainOutbox(deliveryDeps(env, await getIndex(env.CONTENT)), { now })
}
