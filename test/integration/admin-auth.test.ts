import { createExecutionContext } from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { app } from '../../src/app'
import { getComment, insertComment } from '../../src/comments/store'
import { ADMIN_TOKEN, adminApi, get, postForm, signIn, uniqueOrigin } from '../fixtures/admin'
import { newComment } from '../fixtures/comments/new-comment'
import { seedContent } from '../fixtures/content'

beforeAll(async () => {
  await seedContent(env.CONTENT, [{ slug: 'auth-post', title: 'Auth post' }])
})

describe('signing in to /admin', () => {
  it('shows a sign-in form with a password field to a visitor without a session', async () => {
    const res = await get(`${uniqueOrigin('auth')}/admin`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toMatch(/<form class="sign-in" method="post" action="\/admin\/login">/)
    expect(html).toMatch(/<label for="admin-token">Admin token<\/label>/)
    expect(html).toMatch(/<input type="password" id="admin-token" name="token"/)
    expect(html).not.toContain('Awaiting moderation')
  })

  it('sends every admin page no-store and noindex', async () => {
    const origin = uniqueOrigin('auth')
    const cookie = await signIn(origin)
    for (const res of [await get(`${origin}/admin`), await get(`${origin}/admin`, { Cookie: cookie })]) {
      expect(res.headers.get('Cache-Control')).toBe('no-store')
      expect(await res.text()).toContain('<meta name="robots" content="noindex"/>')
    }
    const failed = await postForm(`${origin}/admin/login`, { token: 'nope' })
    expect(failed.headers.get('Cache-Control')).toBe('no-store')
  })

  it('serves the admin stylesheet from its own origin, as the CSP requires', async () => {
    const res = await get(`${uniqueOrigin('auth')}/admin/admin.css`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('text/css; charset=utf-8')
    expect(res.headers.get('Content-Security-Policy')).toContain("style-src 'self'")
    expect(await res.text()).toContain('.admin-list')
  })

  it('refuses a wrong or missing token with 401, a message and no session', async () => {
    const origin = uniqueOrigin('auth')
    const attempts: Record<string, string>[] = [{ token: 'wrong-token' }, { token: `${ADMIN_TOKEN} ` }, { token: '' }, {}]
    for (const fields of attempts) {
      const res = await postForm(`${origin}/admin/login`, fields)
      expect(res.status).toBe(401)
      expect(res.headers.get('Set-Cookie')).toBeNull()
      expect(await res.text()).toContain('That is not the admin token.')
    }
  })

  it('opens a signed HttpOnly SameSite=Strict session for the right token and answers 303 to /admin', async () => {
    const origin = uniqueOrigin('auth')
    const res = await postForm(`${origin}/admin/login`, { token: ADMIN_TOKEN })
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/admin')
    const cookie = res.headers.get('Set-Cookie')!
    expect(cookie).toMatch(/^palabre_admin=[^;]+\./)
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Strict')
    expect(cookie).toContain('Secure')
    const page = await get(`${origin}/admin`, { Cookie: cookie.split(';')[0]! })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Awaiting moderation')
    expect(html).toContain('action="/admin/logout"')
  })

  it('does not take a session cookie whose signature was tampered with', async () => {
    const origin = uniqueOrigin('auth')
    const cookie = await signIn(origin)
    const [name, value] = cookie.split('=') as [string, string]
    const forged = `${name}=${String(Number(decodeURIComponent(value).split('.')[0]) + 1)}.${decodeURIComponent(value).split('.').slice(1).join('.')}`
    const html = await (await get(`${origin}/admin`, { Cookie: forged })).text()
    expect(html).not.toContain('Awaiting moderation')
    expect(html).toContain('name="token"')
  })

  it('signs out: the session cookie is cleared and the page asks to sign in again', async () => {
    const origin = uniqueOrigin('auth')
    const cookie = await signIn(origin)
    const res = await postForm(`${origin}/admin/logout`, {}, { Cookie: cookie })
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/admin')
    expect(res.headers.get('Set-Cookie')).toMatch(/^palabre_admin=;.*Max-Age=0/)
    expect(await (await get(`${origin}/admin`)).text()).toContain('name="token"')
  })
})

describe('revoking admin sessions', () => {
  const isSignedIn = async (res: Response) => (await res.text()).includes('Awaiting moderation')

  it('ends the session on the server at logout: the same cookie sent again is refused', async () => {
    const origin = uniqueOrigin('revoke')
    const cookie = await signIn(origin)
    const other = await signIn(origin)
    expect(await isSignedIn(await get(`${origin}/admin`, { Cookie: cookie }))).toBe(true)
    await postForm(`${origin}/admin/logout`, {}, { Cookie: cookie })
    expect(await isSignedIn(await get(`${origin}/admin`, { Cookie: cookie }))).toBe(false)
    const moderation = await postForm(`${origin}/admin/comments`, { action: 'approve', id: '1' }, { Cookie: cookie })
    expect(moderation.status).toBe(401)
    // Only that session ends: another browser stays signed in.
    expect(await isSignedIn(await get(`${origin}/admin`, { Cookie: other }))).toBe(true)
  })

  it('ends every session when ADMIN_TOKEN changes', async () => {
    const origin = uniqueOrigin('revoke')
    const cookie = await signIn(origin)
    const request = () => new Request(`${origin}/admin`, { headers: { Cookie: cookie } })
    const rotated = { ...env, ADMIN_TOKEN: 'a-new-admin-token' }
    expect(await isSignedIn(await app.fetch(request(), env, createExecutionContext()))).toBe(true)
    expect(await isSignedIn(await app.fetch(request(), rotated, createExecutionContext()))).toBe(false)
  })
  it('reads D1 only for a correctly signed cookie, never for a request without one', async () => {
    const origin = uniqueOrigin('revoke')
    const cookie = await signIn(origin)
    const forged = cookie.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A'))
    const reads: string[] = []
    const countingDb = new Proxy(env.DB, {
      get: (db, key) => (key === 'prepare' ? (sql: string) => (reads.push(sql), db.prepare(sql)) : Reflect.get(db, key)),
    })
    const page = (headers: Record<string, string>) =>
      app.fetch(new Request(`${origin}/admin`, { headers }), { ...env, DB: countingDb }, createExecutionContext())
    expect(await isSignedIn(await page({}))).toBe(false)
    expect(await isSignedIn(await page({ Cookie: forged }))).toBe(false)
    expect(reads).toEqual([])
    expect(await isSignedIn(await page({ Cookie: cookie }))).toBe(true)
    expect(reads.some((sql) => sql.includes('admin_sessions'))).toBe(true)
  })
})

describe('CSRF protection of the /admin forms', () => {
  it('refuses a cross-origin sign-in with 403 and opens no session', async () => {
    const origin = uniqueOrigin('csrf')
    const res = await postForm(`${origin}/admin/login`, { token: ADMIN_TOKEN }, { Origin: 'https://evil.test' })
    expect(res.status).toBe(403)
    expect(res.headers.get('Set-Cookie')).toBeNull()
  })

  it('refuses a cross-origin moderation form carrying a valid session, and changes nothing', async () => {
    const origin = uniqueOrigin('csrf')
    const { comment } = await insertComment(env.DB, newComment({ postSlug: 'auth-post', status: 'pending' }))
    const cookie = await signIn(origin)
    const fields = { action: 'approve', id: String(comment.id) }
    const crossSite = await postForm(`${origin}/admin/comments`, fields, { Cookie: cookie, Origin: 'https://evil.test' })
    expect(crossSite.status).toBe(403)
    const noOrigin = await exports.default.fetch(
      new Request(`${origin}/admin/comments`, {
        method: 'POST',
        headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields),
      }),
    )
    expect(noOrigin.status).toBe(403)
    expect((await getComment(env.DB, comment.id))?.status).toBe('pending')
    const sameOrigin = await postForm(`${origin}/admin/comments`, fields, { Cookie: cookie })
    expect(sameOrigin.status).toBe(303)
    expect((await getComment(env.DB, comment.id))?.status).toBe('approved')
  })

  it('refuses a moderation form without a session with 401 and the sign-in form', async () => {
    const origin = uniqueOrigin('csrf')
    const { comment } = await insertComment(env.DB, newComment({ postSlug: 'auth-post', status: 'pending' }))
    const res = await postForm(`${origin}/admin/comments`, { action: 'approve', id: String(comment.id) })
    expect(res.status).toBe(401)
    expect(await res.text()).toContain('name="token"')
    expect((await getComment(env.DB, comment.id))?.status).toBe('pending')
  })
})

describe('authorization of /api/admin', () => {
  const url = (origin: string) => `${origin}/api/admin/comments`

  it('answers 401 without a token and with a wrong one', async () => {
    const origin = uniqueOrigin('bearer')
    for (const headers of [{ Authorization: '' }, { Authorization: 'Bearer wrong' }]) {
      const res = await adminApi(url(origin), { headers })
      expect(res.status).toBe(401)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized')
    }
  })

  it('answers 400 to an Authorization header that is not a bearer token (RFC 6750 §3.1)', async () => {
    const res = await adminApi(url(uniqueOrigin('bearer')), { headers: { Authorization: `Basic ${ADMIN_TOKEN}` } })
    expect(res.status).toBe(400)
  })

  it('does not take the /admin session cookie: bearer token only', async () => {
    const origin = uniqueOrigin('bearer')
    const cookie = await signIn(origin)
    const res = await adminApi(url(origin), { headers: { Authorization: '', Cookie: cookie } })
    expect(res.status).toBe(401)
    const patch = await adminApi(`${origin}/api/admin/comments/1`, {
      method: 'PATCH',
      body: { status: 'spam' },
      headers: { Authorization: '', Cookie: cookie, Origin: origin },
    })
    expect(patch.status).toBe(401)
  })

  it('answers 200 with the right bearer token', async () => {
    const res = await adminApi(url(uniqueOrigin('bearer')))
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
  })
})
