import { env, exports } from 'cloudflare:workers'
import { describe, expect, inject, it } from 'vitest'
import { commentInsertStatements, redirectUpsertSql } from '../../src/cli/import/d1-rows'
import type { PlannedComment } from '../../src/cli/import/import-types'
import { seedContent } from '../fixtures/content'
import type {} from './import-wordpress-setup'

/**
 * The rows the WordPress import writes, applied to D1 with the real migrations as the import's
 * `wrangler d1 execute --file` does (the same statements), then read back through the Worker.
 * The plan is the fixture export's, made in Node by import-wordpress-setup.ts.
 */

let hosts = 0
const origin = () => `https://import-wp-${++hosts}-${Date.now()}.test`
const get = (url: string) => exports.default.fetch(new Request(url, { redirect: 'manual' }))

const plan = inject('wordpressImport')

/** The plan's comments of one post, under a slug of this test's own (D1 is shared by the file's tests). */
const commentsOf = (slug: string, as: string): PlannedComment[] =>
  plan.comments.filter((c) => c.postSlug === slug).map((c) => ({ ...c, postSlug: as, importKey: `${c.importKey}:${as}`, parentKey: c.parentKey && `${c.parentKey}:${as}` }))

/** The statements run one by one, as `wrangler d1 execute --file` runs a file; small ones, so a thread spans several. */
async function apply(comments: PlannedComment[]): Promise<void> {
  for (const sql of commentInsertStatements(comments, 1500)) await env.DB.prepare(sql).run()
}

interface ApiNode { id: number; parentId: number | null; author: string; isAuthor: boolean; replies: ApiNode[] }
const shape = (nodes: ApiNode[]): unknown[] => nodes.map((n) => [n.id, n.author, n.isAuthor, shape(n.replies)])

describe('imported WordPress comments', () => {
  it('show as the same threads on the post page, with their ids, the author badge and no held comment', async () => {
    await seedContent(env.CONTENT, [{ slug: 'le-tour-du-lac', title: 'Le tour du lac', date: '2016-03-14T07:30:00.000Z' }])
    await apply(commentsOf('le-tour-du-lac', 'le-tour-du-lac'))
    const host = origin()
    const api = (await (await get(`${host}/api/posts/le-tour-du-lac/comments`)).json()) as { comments: ApiNode[] }
    expect(shape(api.comments)).toEqual([
      [2, 'Léa', false, [[3, 'Camille Dupont', true, [[4, 'Léa', false, [[5, 'Camille Dupont', true, [[6, 'Marc', false, []]]]]]]]]],
      [7, 'Zoé', false, [[8, 'Camille Dupont', true, []]]],
      [12, 'Attaque', false, []],
    ])
    const html = await (await get(`${host}/posts/le-tour-du-lac`)).text()
    expect(html).toMatch(/<li id="comment-2" class="comment">[\s\S]*<li id="comment-3" class="comment by-author">/)
    expect(html).not.toContain('En attente de modération')
    expect(html).not.toContain('Mis à la corbeille')
    expect(html).not.toMatch(/<script>alert|onerror=|javascript:alert/)
    const stored = await env.DB.prepare("SELECT status, count(*) AS n FROM comments WHERE post_slug = 'le-tour-du-lac' GROUP BY status ORDER BY status").all()
    expect(stored.results).toEqual([{ status: 'approved', n: 8 }, { status: 'deleted', n: 1 }, { status: 'pending', n: 1 }])
  })

  it('are stored once however often the import runs', async () => {
    const rows = commentsOf('le-tour-du-lac', 'twice')
    await apply(rows)
    await apply(rows)
    const { n } = (await env.DB.prepare("SELECT count(*) AS n FROM comments WHERE post_slug = 'twice'").first<{ n: number }>())!
    expect(n).toBe(rows.length)
  })

  it('get a new id when theirs is taken, and their replies follow them', async () => {
    // The import's plan says first gets a new id; here a reader took that one too, meanwhile.
    const rows = commentsOf('café-crème', 'taken').map((c) => ({ ...c, id: c.wpId + 900_000, wpId: c.wpId + 900_000 }))
    const [first, reply] = rows as [PlannedComment, PlannedComment]
    await env.DB.prepare(`INSERT INTO comments (id, post_slug, author_name, body, body_html, render_version, status, created_at, updated_at, submit_key)
      VALUES (?1, 'elsewhere', 'Someone', 'x', '<p>x</p>', 2, 'approved', 0, 0, 'not-an-import')`).bind(first.id).run()
    await apply([{ ...first }, { ...reply, id: reply.id! + 10 }])
    const stored = await env.DB.prepare("SELECT id, parent_id, is_author FROM comments WHERE post_slug = 'taken' ORDER BY created_at").all<{ id: number; parent_id: number | null; is_author: number }>()
    const [a, b] = stored.results
    expect(a!.id).not.toBe(first.id)
    expect(b).toEqual({ id: reply.id! + 10, parent_id: a!.id, is_author: 1 })
  })

  it('leave redirects that the import can write again without change', async () => {
    const now = Date.now()
    const statements = plan.redirects.map((r) => env.DB.prepare(redirectUpsertSql(r, now)))
    await env.DB.batch(statements)
    await env.DB.batch(statements)
    const row = await env.DB.prepare("SELECT to_path, source FROM redirects WHERE from_path = '/2016/03/14/le-tour-du-lac'").first()
    expect(row).toEqual({ to_path: '/posts/le-tour-du-lac', source: 'wordpress' })
    const { n } = (await env.DB.prepare('SELECT count(*) AS n FROM redirects').first<{ n: number }>())!
    expect(n).toBe(plan.redirects.length)
  })
})
