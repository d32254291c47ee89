import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import worker from '../../src/index'
import { COMMENT_RENDER_VERSION } from '../../src/markdown/comment'
import { RERENDER_BUDGET, rerenderStaleComments } from '../../src/scheduled'
import { seedContent, seedPages } from '../fixtures/content'

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

  it.each([
    ['a post', 'cron-purge', '/posts/cron-purge'],
    ['a page that takes comments', 'cron-guestbook', '/cron-guestbook'],
  ])('purges the cached page of %s whose comments it re-rendered, so readers get the new HTML at once', async (_, slug, path) => {
    const index = await seedContent(env.CONTENT, [{ slug: 'cron-purge', title: 'Re-rendered under the cache' }])
    await seedPages(env.CONTENT, index, [{ slug: 'cron-guestbook', title: 'Guestbook', comments: true }])
    const page = `${new URL(index.site.baseUrl).origin}${path}`
    await env.DB.prepare(
      `INSERT INTO comments (post_slug, author_name, body, body_html, render_version, status, created_at, updated_at, is_author, submit_key)
       VALUES (?1, 'Ada', 'Now *rendered*', '<p>made by the old renderer</p>', 0, 'approved', 1, 1, 0, ?1 || '-key')`,
    ).bind(slug).run()
    const get = () => exports.default.fetch(new Request(page))
    expect((await get()).headers.get('X-Cache')).toBe('MISS')
    const cached = await get()
    expect(cached.headers.get('X-Cache')).toBe('HIT')
    expect(await cached.text()).toContain('made by the old renderer')
    const ctx = createExecutionContext()
    await worker.scheduled(createScheduledController(), env, ctx)
    await waitOnExecutionContext(ctx)
    const fresh = await get()
    expect(fresh.headers.get('X-Cache')).toBe('MISS')
    const html = await fresh.text()
    expect(html).toContain('Now <em>rendered</em>')
    expect(html).not.toContain('made by the old renderer')
  })
})

describe('re-rendering within a budget', () => {
  async function seedStale(prefix: string, count: number, body: string): Promise<void> {
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
       INSERT INTO comments (post_slug, author_name, body, body_html, render_version, status, created_at, updated_at, is_author, submit_key)
       SELECT 'budget', 'Ada', ?2, '<p>stale</p>', 0, 'approved', 1, 1, 0, ?3 || i FROM n`,
    ).bind(count, body, prefix).run()
  }

  async function stale(prefix: string): Promise<number> {
    const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM comments WHERE submit_key LIKE ?1 || '%' AND render_version < ?2`)
      .bind(prefix, COMMENT_RENDER_VERSION).first<{ n: number }>()
    return row!.n
  }

  async function runCron(): Promise<void> {
    const ctx = createExecutionContext()
    await worker.scheduled(createScheduledController(), env, ctx)
    await waitOnExecutionContext(ctx)
  }

  it('re-renders at most RERENDER_BUDGET.comments per run, and the rest on later runs', async () => {
    const count = RERENDER_BUDGET.comments + 12
    await seedStale('count-', count, 'Some *emphasis*')
    await runCron()
    expect(await stale('count-')).toBe(count - RERENDER_BUDGET.comments)
    await runCron()
    expect(await stale('count-')).toBe(0)
  })

  it('stops before the characters budget is spent, always making progress', async () => {
    const body = `${'*a_'.repeat(3333)}x`
    await seedStale('chars-', 5, body)
    const budget = { ...RERENDER_BUDGET, characters: 2.5 * body.length }
    expect((await rerenderStaleComments(env.DB, budget)).comments).toBe(2)
    expect(await stale('chars-')).toBe(3)
    expect((await rerenderStaleComments(env.DB, { ...budget, characters: 1 })).comments).toBe(1)
    expect((await rerenderStaleComments(env.DB, budget)).comments).toBe(2)
    expect(await stale('chars-')).toBe(0)
  })

  it('starts no new batch once its wall-clock allowance is spent', async () => {
    await seedStale('wall-', 30, 'text')
    let clock = 0
    const now = () => (clock += RERENDER_BUDGET.wallMs / 2)
    expect((await rerenderStaleComments(env.DB, { ...RERENDER_BUDGET, batch: 10 }, now)).comments).toBe(10)
  })
})
