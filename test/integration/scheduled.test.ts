import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import worker from '../../src/index'
import { COMMENT_RENDER_VERSION } from '../../src/markdown/comment'

describe('the scheduled handler', () => {
  it('re-renders comments whose HTML came from an older renderer', async () => {
    await env.DB.prepare(
      `INSERT INTO comments (post_slug, author_name, body, body_html, render_version, status, created_at, updated_at, is_author, submit_key)
       VALUES ('cron', 'Ada', 'Some *emphasis*', '<p>stale</p>', 0, 'approved', 1, 1, 0, 'cron-key')`,
    ).run()
    const ctx = createExecutionContext()
    await worker.scheduled(createScheduledController(), env, ctx)
    await waitOnExecutionContext(ctx)
    const row = await env.DB.prepare(`SELECT body_html, render_version FROM comments WHERE submit_key = 'cron-key'`).first<{
      body_html: string
      render_version: number
    }>()
    expect(row?.render_version).toBe(COMMENT_RENDER_VERSION)
    expect(row?.body_html.trim()).toBe('<p>Some <em>emphasis</em></p>')
  })
})
