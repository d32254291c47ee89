/** Building and sending the author's webhook alert of one outbox row (delivery.ts sends emails). */

import { absoluteUrl, HOME_PATH } from '../urls'
import type { DeliveryDeps } from './delivery'
import { emailLinks } from './links'
import type { Delivery } from './outbox'
import type { SendResult } from './types'
import type { WebhookAlert } from './webhook'

/** The author's webhook alert of a new comment: held or public, as the author's email; not once it is spam or deleted. */
export async function sendAlert(deps: DeliveryDeps, row: Delivery): Promise<SendResult | { cancel: string }> {
  const { comment } = row
  if (!deps.webhook) return { cancel: 'WEBHOOK_URL is not set' }
  if (!comment) return { cancel: 'the comment is gone' }
  if (comment.status === 'spam' || comment.status === 'deleted') return { cancel: `the comment was marked ${comment.status}` }
  const links = emailLinks(deps.site)
  const thread = deps.thread(comment.postSlug)
  const commentUrl = links.comment(thread, comment.id)
  const alert: WebhookAlert = {
    event: 'comment.created',
    site: { title: deps.site.title, url: absoluteUrl(deps.site, HOME_PATH) },
    post: { slug: comment.postSlug, title: thread.title, url: absoluteUrl(deps.site, thread.path) },
    comment: { id: comment.id, author: comment.authorName, body: comment.body, status: comment.status, url: commentUrl },
    links: { comment: commentUrl, moderate: links.admin() },
  }
  return deps.webhook.send(alert, `palabre-webhook-${row.id}`)
}

