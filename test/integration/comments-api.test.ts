import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { insertComment } from '../../src/comments/store'
import type { PublicComment } from '../../src/routes/comments-api'
import { newComment } from '../fixtures/comments/new-comment'
import { get, origin, postJson, rowsOf, seedPost } from './comments-http'

/** What the API answers: the public shape, plus the status a POST reports. */
type ApiComment = Omit<PublicComment, 'replies'> & { status?: string; replies: ApiComment[] }
type Created = { comment: ApiComment }
type Failed = { error: { code: string; message: string; fields?: Record<string, string> } }

const api = (base: string, slug: string) => `${base}/api/posts/${slug}/comments`

describe('POST /api/posts/<slug>/comments', () => {
  it('answers 201 with the stored comment and its status, never the email', async () => {
    const base = origin()
    const slug = await seedPost('api-create')
    const res = await postJson(api(base, slug), { author: 'Léa', email: 'lea@example.com', body: 'Via *JSON*', notify: true })
    expect(res.status).toBe(201)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const text = await res.text()
    expect(text).not.toContain('lea@example.com')
    const { comment } = JSON.parse(text) as Created
    expect(comment).toEqual({
      id: expect.any(Number),
      parentId: null,
      author: 'Léa',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      body: 'Via *JSON*',
      html: '<p>Via <em>JSON</em></p>\n',
      isAuthor: false,
      status: 'approved',
      replies: [],
    })
    const [row] = await rowsOf(slug)
    expect(row).toMatchObject({ author_email: 'lea@example.com', notify: 'replies' })
  })

  it('answers a reply, a held comment and a double submit as the contract says', async () => {
    const base = origin()
    const slug = await seedPost('api-paths', { comments: { moderation: 'first-time' } })
    const admin = { Authorization: 'Bearer test-admin-token' }
    const root = (await (await postJson(api(base, slug), { author: 'Root', body: 'Root' }, admin)).json<Created>()).comment
    const reply = await postJson(api(base, slug), { author: 'Kid', body: 'Reply', parentId: root.id, notify: 'post', email: 'k@example.com' })
    const created = (await reply.json<Created>()).comment
    expect(created).toMatchObject({ parentId: root.id, status: 'pending' })
    const again = await postJson(api(base, slug), { author: 'Kid', body: 'Reply', parentId: root.id, notify: 'post', email: 'k@example.com' })
    expect(again.status).toBe(201)
    expect((await again.json<Created>()).comment.id).toBe(created.id)
    expect(await rowsOf(slug)).toHaveLength(2)
  })

  it('answers 4xx {error:{code,message,fields}} for every kind of refusal', async () => {
    const base = origin()
    const slug = await seedPost('api-errors', { others: [{ slug: 'api-closed', title: 'Closed', comments: false }] })
    const cases: Array<[string, unknown, number, string, string[]]> = [
      [slug, { author: '', body: '' }, 422, 'invalid_input', ['author', 'body']],
      [slug, { author: 'x', body: 'y', email: 'nope' }, 422, 'invalid_input', ['email']],
      [slug, { author: 'x', body: 'y', parentId: 'one' }, 422, 'invalid_input', ['parentId']],
      [slug, { author: 'x', body: 'y', parentId: 999999 }, 422, 'parent_unknown', ['parentId']],
      [slug, { author: 'Ana Autora', body: 'y' }, 422, 'reserved_name', ['author']],
      [slug, [1, 2], 422, 'invalid_input', []],
      [slug, 'not json', 400, 'invalid_json', []],
      ['api-closed', { author: 'x', body: 'y' }, 403, 'comments_closed', []],
      ['no-such-post', { author: 'x', body: 'y' }, 404, 'not_found', []],
    ]
    for (const [target, body, status, code, fields] of cases) {
      const res = await postJson(api(base, target), body)
      expect(res.status, JSON.stringify(body)).toBe(status)
      expect(res.headers.get('Content-Type')).toMatch(/^application\/json/)
      const { error } = await res.json<Failed>()
      expect(error.code, JSON.stringify(body)).toBe(code)
      expect(error.message.length).toBeGreaterThan(0)
      expect(Object.keys(error.fields ?? {}).sort()).toEqual(fields)
    }
    expect(await rowsOf(slug)).toHaveLength(0)
  })

  it('refuses unknown fields with 400 naming each, instead of dropping them and storing the rest', async () => {
    const base = origin()
    const slug = await seedPost('api-unknown')
    const root = (await (await postJson(api(base, slug), { author: 'Root', body: 'Root' })).json<Created>()).comment
    // A snake_case parent would otherwise make the reply a top-level comment.
    const res = await postJson(api(base, slug), { author: 'Kid', body: 'Reply', parent_id: root.id, colour: 'red' })
    expect(res.status).toBe(400)
    const { error } = await res.json<Failed>()
    expect(error.code).toBe('unknown_fields')
    expect(error.message).toBe('Unknown fields "parent_id" (did you mean "parentId"?) and "colour". The API takes author, email, body, parentId, notify and turnstileToken.')
    expect(error.fields).toEqual({ parent_id: 'Unknown field: did you mean "parentId"?', colour: 'Unknown field.' })
    expect(await rowsOf(slug)).toHaveLength(1)
  })

  it('drops a filled honeypot quietly: 201 as if held, nothing stored', async () => {
    const base = origin()
    const slug = await seedPost('api-honeypot')
    const res = await postJson(api(base, slug), { author: 'Bot', body: 'Buy now', website: 'http://spam.example' })
    expect(res.status).toBe(201)
    expect((await res.json<Created>()).comment.status).toBe('pending')
    expect(await rowsOf(slug)).toHaveLength(0)
  })
})

describe('GET /api/posts/<slug>/comments', () => {
  it('returns the public tree, truly nested, with placeholders and no private field; cached under the post’s tag', async () => {
    const base = origin()
    const slug = await seedPost('api-tree')
    const add = async (fields: Parameters<typeof newComment>[0]) => (await insertComment(env.DB, newComment({ postSlug: slug, ...fields }))).comment.id
    const a = await add({ authorName: 'A', authorEmail: 'secret-a@example.com' })
    let parent = a
    const chain = []
    for (let depth = 2; depth <= 7; depth++) chain.push((parent = await add({ parentId: parent, authorName: `D${depth}` })))
    const gone = await add({ status: 'deleted', body: 'removed text' })
    const orphan = await add({ parentId: gone, authorName: 'Under deleted', isAuthor: true })
    await add({ status: 'pending', body: 'pending text' })

    const res = await get(api(base, slug))
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Tag')).toBe(`post:${slug}`)
    expect(res.headers.get('Cache-Control')).toBe('no-cache')
    const text = await res.text()
    for (const secret of ['secret-a@example.com', 'ip', 'submit', 'pending text', 'removed text', 'ffff']) expect(text).not.toContain(secret)
    const { comments } = JSON.parse(text) as { comments: ApiComment[] }
    expect(comments.map((c) => c.id)).toEqual([a, gone])
    let node = comments[0]!
    for (const id of chain) {
      expect(node.replies.map((r) => r.id)).toEqual([id])
      expect(node.replies[0]!.parentId).toBe(node.id)
      node = node.replies[0]!
    }
    expect(comments[1]).toMatchObject({ id: gone, deleted: true, author: '', body: '', html: '' })
    expect(comments[1]!.replies[0]).toMatchObject({ id: orphan, author: 'Under deleted', isAuthor: true })
    expect(Object.keys(comments[0]!).sort()).toEqual(['author', 'body', 'createdAt', 'html', 'id', 'isAuthor', 'parentId', 'replies'])
    expect((await get(api(base, slug))).headers.get('X-Cache')).toBe('HIT')
  })

  it('answers 404 JSON for a post readers cannot see', async () => {
    const base = origin()
    await seedPost('api-visible', { others: [{ slug: 'api-draft', title: 'Draft', draft: true }] })
    const res = await get(api(base, 'api-draft'))
    expect(res.status).toBe(404)
    expect((await res.json<Failed>()).error.code).toBe('not_found')
  })
})
