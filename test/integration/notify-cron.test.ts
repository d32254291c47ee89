import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import worker from '../../src/index'
import { seedContent } from '../fixtures/content'
import { confirm, mailTo, outboxOf, SITE, slug, store } from './notify-support'

describe('the scheduled handler', () => {
  it('sends the emails that are due through the configured transport', async () => {
    const post = slug('cron')
    await seedContent(env.CONTENT, [{ slug: post, title: 'Cron post', date: '2026-01-01T00:00:00Z' }], { title: 'Carnets' })
    const site = { ...SITE, email: { from: SITE.email.from } }
    const root = await store({ postSlug: post, authorEmail: 'cron@example.com', notify: 'replies' }, site)
    await confirm('cron@example.com')
    const reply = await store({ postSlug: post, parentId: root.id, authorEmail: null, authorName: 'Bo' }, site)

    const ctx = createExecutionContext()
    // The local mailbox, whatever .dev.vars says: a test never sends real email.
    await worker.scheduled(createScheduledController(), { ...env, EMAIL_TRANSPORT: 'mailbox' }, ctx)
    await waitOnExecutionContext(ctx)

    const rows = await outboxOf(post)
    expect(rows.map((row) => [row.comment_id, row.kind, row.status])).toEqual([
      [root.id, 'confirm', 'cancelled'],
      [reply.id, 'reply', 'sent'],
    ])
    const mail = await mailTo('cron@example.com')
    expect(mail.map((m) => m.subject)).toEqual(['Bo replied on “Cron post”'])
  })
})
