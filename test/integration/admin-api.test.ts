import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { app } from '../../src/app'
import { getComment, insertComment } from '../../src/comments/store'
import type { CommentStatus } from '../../src/comments/types'
import { ADMIN_TOKEN, adminApi, get, uniqueOrigin, warm } from '../fixtures/admin'
import { newComment } from '../fixtures/comments/new-comment'
import { seedContent } from '../fixtures/content'
import { expectErrorsLogged } from '../fixtures/logged-errors'
import { withFakeWorkersCache } from '../fixtures/workers-cache'

const SLUG = 'api-moderated'

/** A D1 binding whose every call fails, as when D1 is unreachable. */
const brokenDb = new Proxy({} as D1Database, {
  get: () => () => {
    throw new Error('D1_ERROR: Network connection lost.')
  },
})

beforeAll(async () => {
  await seedContent(env.CONTENT, [
    { slug: SLUG, title: 'Moderated through the API' },
    { slug: 'api-other', title: 'Another post' },
  ])
})

async function stored(status: CommentStatus, overrides: Parameters<typeof newComment>[0] = {}) {
  return (await insertComment(env.DB, newComment({ postSlug: SLUG, status, ...overrides }))).comment
}

interface AdminCommentJson {
  id: number
  postSlug: string
  author: string
  email: string | null
  status: CommentStatus
  createdAt: string
}

describe('GET /api/admin/comments', () => {
  it('lists pending comments by default, newest first, with emails and ISO dates', async () => {
    const older = await stored('pending', { authorEmail: 'older@example.com' })
    const newer = await stored('pending', { authorEmail: 'newer@example.com' })
    const approved = await stored('approved')
    const res = await adminApi(`${uniqueOrigin('api')}/api/admin/comments`)
    expect(res.status).toBe(200)
    const { comments } = (await res.json()) as { comments: AdminCommentJson[] }
    const ids = comments.map((comment) => comment.id)
    expect(ids).toContain(older.id)
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id))
    expect(ids).not.toContain(approved.id)
    expect(comments.every((comment) => comment.status === 'pending')).toBe(true)
    const listed = comments.find((comment) => comment.id === older.id)!
    expect(listed.email).toBe('older@example.com')
    expect(listed.createdAt).toBe(new Date(older.createdAt).toISOString())
    expect(listed).not.toHaveProperty('ipHmac')
    expect(listed).not.toHaveProperty('submitKey')
  })

  it('lists another status on request', async () => {
    const spam = await stored('spam')
    const { comments } = (await (await adminApi(`${uniqueOrigin('api')}/api/admin/comments?status=spam`)).json()) as {
      comments: AdminCommentJson[]
    }
    expect(comments.map((comment) => comment.id)).toContain(spam.id)
    expect(comments.every((comment) => comment.status === 'spam')).toBe(true)
  })

  it('refuses an unknown status or limit with 400 and the field to fix', async () => {
    for (const query of ['status=published', 'limit=0', 'limit=lots']) {
      const res = await adminApi(`${uniqueOrigin('api')}/api/admin/comments?${query}`)
      expect(res.status).toBe(400)
      const { error } = (await res.json()) as { error: { code: string; message: string; fields: Record<string, string> } }
      expect(error.code).toBe('invalid_request')
      expect(Object.keys(error.fields)).toEqual([query.split('=')[0]])
    }
  })
})

describe('PATCH /api/admin/comments/:id', () => {
  it('sets the status and answers the stored comment', async () => {
    for (const status of ['approved', 'spam', 'deleted'] as const) {
      const comment = await stored('pending')
      const res = await adminApi(`${uniqueOrigin('api')}/api/admin/comments/${comment.id}`, { method: 'PATCH', body: { status } })
      expect(res.status).toBe(200)
      const body = (await res.json()) as { comment: AdminCommentJson }
      expect(body.comment).toMatchObject({ id: comment.id, status, postSlug: SLUG })
      expect((await getComment(env.DB, comment.id))?.status).toBe(status)
    }
  })

  it('answers 404 for an unknown id', async () => {
    for (const id of ['999999999', 'abc', '0']) {
      const res = await adminApi(`${uniqueOrigin('api')}/api/admin/comments/${id}`, { method: 'PATCH', body: { status: 'spam' } })
      expect(res.status).toBe(404)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found')
    }
  })

  it('refuses a bad body with 400 {error:{code,message,fields}} and changes nothing', async () => {
    const comment = await stored('pending')
    for (const body of [{ status: 'pending' }, { status: 'published' }, {}, 'not json', [1]]) {
      const res = await adminApi(`${uniqueOrigin('api')}/api/admin/comments/${comment.id}`, { method: 'PATCH', body })
      expect(res.status).toBe(400)
      const { error } = (await res.json()) as { error: { code: string; message: string; fields: Record<string, string> } }
      expect(error.code).toBe('invalid_request')
      expect(error.message).toContain('"status"')
      expect(error.fields.status).toBeTruthy()
    }
    expect((await getComment(env.DB, comment.id))?.status).toBe('pending')
  })

  it('purges the post page when the comment becomes public', async () => {
    const origin = uniqueOrigin('api-purge')
    const comment = await stored('pending')
    expect(await warm(`${origin}/posts/${SLUG}`)).toBe('HIT')
    await adminApi(`${origin}/api/admin/comments/${comment.id}`, { method: 'PATCH', body: { status: 'approved' } })
    expect((await get(`${origin}/posts/${SLUG}`)).headers.get('X-Cache')).toBe('MISS')
  })
})

describe('POST /api/admin/posts/:slug/comments', () => {
  const url = (slug: string) => `${uniqueOrigin('api-reply')}/api/admin/posts/${slug}/comments`

  it('stores a top-level comment by the author: 201, approved, with the badge', async () => {
    const res = await adminApi(url(SLUG), { method: 'POST', body: { body: 'A word from the author.' } })
    expect(res.status).toBe(201)
    const { comment } = (await res.json()) as { comment: AdminCommentJson & { isAuthor: boolean; parentId: number | null } }
    expect(comment).toMatchObject({ postSlug: SLUG, status: 'approved', isAuthor: true, author: 'The author', email: null, parentId: null })
    expect((await getComment(env.DB, comment.id))?.ipHmac).toBeNull()
  })

  it('answers a held comment: approves it first', async () => {
    const parent = await stored('pending')
    const res = await adminApi(url(SLUG), { method: 'POST', body: { body: 'Approved and answered.', parentId: parent.id } })
    expect(res.status).toBe(201)
    expect(((await res.json()) as { comment: { parentId: number } }).comment.parentId).toBe(parent.id)
    expect((await getComment(env.DB, parent.id))?.status).toBe('approved')
  })

  it('answers 404 for an unknown post', async () => {
    const res = await adminApi(url('no-such-post'), { method: 'POST', body: { body: 'Hello' } })
    expect(res.status).toBe(404)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found')
  })

  it('answers 422 when the parent belongs to another post, and approves nothing', async () => {
    const parent = await stored('pending', { postSlug: 'api-other' })
    const res = await adminApi(url(SLUG), { method: 'POST', body: { body: 'Wrong thread', parentId: parent.id } })
    expect(res.status).toBe(422)
    const { error } = (await res.json()) as { error: { code: string; fields: Record<string, string> } }
    expect(error.code).toBe('parent_unknown')
    expect(error.fields.parentId).toBeTruthy()
    expect((await getComment(env.DB, parent.id))?.status).toBe('pending')
  })

  it('refuses an invalid body with {error:{code,message,fields}}', async () => {
    for (const body of [{ body: '' }, { body: 'x'.repeat(10_001) }, { body: 'ok', parentId: 'one' }]) {
      const res = await adminApi(url(SLUG), { method: 'POST', body })
      expect(res.status).toBe(422)
      const { error } = (await res.json()) as { error: { code: string; message: string; fields: Record<string, string> } }
      expect(error.code).toBe('invalid_input')
      expect(error.message).toBeTruthy()
      expect(Object.keys(error.fields)).toHaveLength(1)
    }
    expect((await adminApi(url(SLUG), { method: 'POST', body: 'not json' })).status).toBe(400)
  })
})

describe('the admin API when D1 fails', () => {
  expectErrorsLogged(/D1_ERROR/)

  it('answers JSON, not the HTML error page', async () => {
    const ctx = createExecutionContext()
    const request = new Request(`${uniqueOrigin('api-broken')}/api/admin/comments`, {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    })
    const res = await app.fetch(request, { ...env, DB: brokenDb }, ctx)
    await waitOnExecutionContext(ctx)
    expect(res.status).toBe(500)
    expect(res.headers.get('Content-Type')).toContain('application/json')
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('internal_error')
  })

  it('answers JSON on the notification routes too, uncached (one onError for all of /api)', async () => {
    for (const path of ['/api/admin/mailbox', '/api/admin/notifications?status=failed']) {
      const ctx = createExecutionContext()
      const request = new Request(`${uniqueOrigin('api-broken-notify')}${path}`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })
      const res = await app.fetch(request, { ...env, DB: brokenDb }, ctx)
      await waitOnExecutionContext(ctx)
      expect(res.status, path).toBe(500)
      expect(res.headers.get('Content-Type'), path).toContain('application/json')
      expect(res.headers.get('Cache-Control'), path).toBe('no-store')
      const { error } = (await res.json()) as { error: { code: string; message: string } }
      expect(error.code, path).toBe('internal_error')
      expect(error.message, path).not.toContain('D1_ERROR')
    }
  })
})

describe('purging through Workers Cache (a fake ctx.cache)', () => {
  const patch = (id: number, status: string) =>
    new Request(`${uniqueOrigin('api-edge')}/api/admin/comments/${id}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status }),
    })

  it('asks once for the post’s tag and the lists’ when a comment is approved', async () => {
    const comment = await stored('pending')
    const { ctx, purged } = withFakeWorkersCache()
    expect((await app.fetch(patch(comment.id, 'approved'), env, ctx)).status).toBe(200)
    await waitOnExecutionContext(ctx)
    expect(purged.map((tags) => [...tags].sort())).toEqual([[`post:${SLUG}`, 'list'].sort()])
  })

  it('asks for nothing when a held comment is marked as spam', async () => {
    const comment = await stored('pending')
    const { ctx, purged } = withFakeWorkersCache()
    expect((await app.fetch(patch(comment.id, 'spam'), env, ctx)).status).toBe(200)
    await waitOnExecutionContext(ctx)
    expect(purged).toEqual([])
  })
})
