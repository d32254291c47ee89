import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { hashIp } from '../../src/comments/hmac'
import { getComment, insertComment } from '../../src/comments/store'
import type { CommentStatus } from '../../src/comments/types'
import { adminApi, get, postForm, signIn, uniqueOrigin } from '../fixtures/admin'
import { newComment } from '../fixtures/comments/new-comment'
import { comment, commentIdOf, postJson, seedPost } from './comments-http'

let ips = 0
/** A client address of its own per test: the rate limiter's counts outlive a test. */
const ip = () => `203.0.113.${(++ips % 250) + 1}`
let emails = 0
const email = () => `poster-${++emails}-${Date.now()}@example.com`

const SLUG = 'banned-post'

async function stored(status: CommentStatus, overrides: Parameters<typeof newComment>[0] = {}) {
  return (await insertComment(env.DB, newComment({ postSlug: SLUG, status, ...overrides }))).comment
}
const rowOf = async (id: number) => (await getComment(env.DB, id))!

type BanJson = { ban: { id: number; email: string | null; byIp: boolean; commentId: number | null }; created: boolean; moved: number[] }

async function ban(base: string, body: unknown) {
  const res = await adminApi(`${base}/api/admin/bans`, { method: 'POST', body })
  return { status: res.status, json: await res.json<BanJson & { error?: { code: string; message: string } }>() }
}

describe('POST /api/admin/bans', () => {
  it('bans whoever wrote a comment, by its IP HMAC and email, and sends their pending comments to spam', async () => {
    const base = uniqueOrigin('bans')
    const [address, ipHmac] = [email(), await hashIp(env.SIGNING_KEY, ip())]
    const named = await stored('pending', { authorEmail: address, ipHmac, heldReason: 'first_time' })
    const sameIp = await stored('pending', { authorEmail: email(), ipHmac, heldReason: 'too_many_links' })
    const sameEmail = await stored('pending', { authorEmail: address.toUpperCase(), ipHmac: 'a'.repeat(64), heldReason: 'rule' })
    const approved = await stored('approved', { authorEmail: address, ipHmac })
    const someoneElse = await stored('pending', { authorEmail: email(), ipHmac: 'b'.repeat(64) })

    const { status, json } = await ban(base, { commentId: named.id })
    expect(status).toBe(201)
    expect(json.ban).toMatchObject({ email: address, byIp: true, commentId: named.id })
    expect(JSON.stringify(json)).not.toContain(ipHmac)
    expect(json.created).toBe(true)
    expect(json.moved.sort()).toEqual([named.id, sameIp.id, sameEmail.id].sort())
    for (const id of json.moved) expect((await rowOf(id)).status).toBe('spam')
    expect((await rowOf(approved.id)).status).toBe('approved')
    expect((await rowOf(someoneElse.id)).status).toBe('pending')

    const listed = await (await adminApi(`${base}/api/admin/bans`)).json<{ bans: { id: number; moved: number }[] }>()
    expect(listed.bans.find((b) => b.id === json.ban.id)).toMatchObject({ moved: 3 })

    // The undo: lifting the ban puts them back in the queue, each with the reason it was held for.
    const lift = await adminApi(`${base}/api/admin/bans/${json.ban.id}`, { method: 'DELETE' })
    expect(lift.status).toBe(200)
    expect((await lift.json<{ restored: number[] }>()).restored.sort()).toEqual(json.moved.sort())
    expect([(await rowOf(named.id)).heldReason, (await rowOf(sameIp.id)).heldReason, (await rowOf(sameEmail.id)).heldReason])
      .toEqual(['first_time', 'too_many_links', 'rule'])
    for (const id of json.moved) expect((await rowOf(id)).status).toBe('pending')
    const after = await (await adminApi(`${base}/api/admin/bans`)).json<{ bans: { id: number }[] }>()
    expect(after.bans.map((b) => b.id)).not.toContain(json.ban.id)
  })

  it('leaves alone, when lifted, a moved comment the admin has approved since', async () => {
    const base = uniqueOrigin('bans')
    const moved = await stored('pending', { authorEmail: email() })
    const { json } = await ban(base, { commentId: moved.id })
    await adminApi(`${base}/api/admin/comments/${moved.id}`, { method: 'PATCH', body: { status: 'approved' } })
    const lift = await (await adminApi(`${base}/api/admin/bans/${json.ban.id}`, { method: 'DELETE' })).json<{ restored: number[] }>()
    expect(lift.restored).toEqual([])
    expect((await rowOf(moved.id)).status).toBe('approved')
  })

  it('bans an email, lowercased; the same ban again answers 200 with the existing ban', async () => {
    const base = uniqueOrigin('bans')
    const address = email()
    const first = await ban(base, { email: ` ${address.toUpperCase()} ` })
    expect(first.status).toBe(201)
    expect(first.json.ban).toMatchObject({ email: address, byIp: false, commentId: null })
    const again = await ban(base, { email: address })
    expect(again.status).toBe(200)
    expect(again.json).toMatchObject({ created: false, ban: { id: first.json.ban.id } })
  })

  it('refuses a bad request with a message saying what to send, and stores nothing', async () => {
    const base = uniqueOrigin('bans')
    const before = (await (await adminApi(`${base}/api/admin/bans`)).json<{ bans: unknown[] }>()).bans.length
    for (const body of [{ commentId: 'abc' }, { commentId: -1 }, { commentId: 1.5 }, { email: 'not-an-email' }, { email: 'a@b.c', commentId: 1 }, {}, [], 'x']) {
      const { status, json } = await ban(base, body)
      expect(status, JSON.stringify(body)).toBe(400)
      expect(json.error?.code).toBe('invalid_request')
      expect(json.error?.message).toMatch(/commentId|email/)
    }
    expect((await ban(base, { commentId: 999_999_999 })).status).toBe(404)
    const byAuthor = await stored('approved', { isAuthor: true, authorEmail: null, ipHmac: null })
    const nothing = await ban(base, { commentId: byAuthor.id })
    expect(nothing.status).toBe(422)
    expect(nothing.json.error?.message).toContain('neither an email nor an IP address')
    expect((await (await adminApi(`${base}/api/admin/bans`)).json<{ bans: unknown[] }>()).bans.length).toBe(before)
  })

  it('answers 404 for a ban that does not exist, and 401 without the token', async () => {
    const base = uniqueOrigin('bans')
    expect((await adminApi(`${base}/api/admin/bans/999999`, { method: 'DELETE' })).status).toBe(404)
    expect((await adminApi(`${base}/api/admin/bans/abc`, { method: 'DELETE' })).status).toBe(404)
    expect((await adminApi(`${base}/api/admin/bans`, { headers: { Authorization: 'Bearer nope' } })).status).toBe(401)
    expect((await adminApi(`${base}/api/admin/bans`, { method: 'POST', body: { email: email() }, headers: { Authorization: '' } })).status).toBe(401)
  })
})

describe('a banned poster', () => {
  type Answer = { comment: Record<string, unknown> & { id: number; status: string } }
  const send = (base: string, slug: string, fields: Record<string, string>, clientIp: string) =>
    postJson(`${base}/api/posts/${slug}/comments`, { author: 'Léa', body: 'Same words', ...fields }, { 'CF-Connecting-IP': clientIp })

  it('gets, through the API, the very answer a held comment gets, while the comment goes to spam', async () => {
    const base = uniqueOrigin('banned')
    const slug = await seedPost('banned-api', { comments: { moderation: 'first-time' } })
    const [bannedIp, otherIp] = [ip(), ip()]
    const first = await send(base, slug, { email: email(), body: 'First' }, bannedIp)
    const { json } = await ban(base, { commentId: (await first.json<Answer>()).comment.id })
    expect(json.moved).toHaveLength(1)

    // Another address from the banned IP; and someone new, whose comment is held (first time).
    const banned = await send(base, slug, { email: email() }, bannedIp)
    const held = await send(base, slug, { email: email() }, otherIp)
    expect([banned.status, held.status]).toEqual([201, 201])
    const [a, b] = [await banned.json<Answer>(), await held.json<Answer>()]
    const shape = ({ comment: { id: _id, createdAt: _at, ...rest } }: Answer) => rest
    expect(shape(a)).toEqual(shape(b))
    expect(a.comment.status).toBe('pending')
    expect((await rowOf(a.comment.id)).status).toBe('spam')
    expect((await rowOf(b.comment.id)).status).toBe('pending')
    expect([...banned.headers.keys()].sort()).toEqual([...held.headers.keys()].sort())
  })

  it('by email: their form post lands on their own "awaiting moderation" page, as a held one does', async () => {
    const base = uniqueOrigin('banned')
    const slug = await seedPost('quiet-form', { comments: { moderation: 'all' } })
    const address = email()
    await ban(base, { email: address })
    const res = await postForm(`${base}/posts/${slug}/comments`, comment({ email: address.toUpperCase(), body: 'Quiet words' }), { 'CF-Connecting-IP': ip() })
    expect(res.status).toBe(303)
    const location = res.headers.get('Location')!
    expect(location).toMatch(new RegExp(`^/posts/${slug}/comments/\\d+\\?t=`))
    const page = await (await get(base + location)).text()
    expect(page).toContain('<h1>Your comment is awaiting moderation</h1>')
    expect(page).not.toMatch(/spam|banned|\bban\b/i)
    expect((await rowOf(commentIdOf(location))).status).toBe('spam')
    const post = await (await get(`${base}/posts/${slug}`)).text()
    expect(post).not.toContain('Quiet words')
    // Nobody is emailed about it: no notice, no confirmation.
    const outbox = await env.DB.prepare('SELECT COUNT(*) AS n FROM notify_outbox WHERE comment_id = ?1').bind(commentIdOf(location)).first<{ n: number }>()
    expect(outbox?.n).toBe(0)
  })
})

describe('bans in /admin', () => {
  it('bans from a comment’s Ban button, lists the ban, and lifts it, restoring the comment', async () => {
    const base = uniqueOrigin('admin-bans')
    const cookie = await signIn(base)
    await seedPost(SLUG)
    const address = email()
    const target = await stored('pending', { authorName: 'Bannable Bea', authorEmail: address, heldReason: 'first_time' })
    const authors = await stored('approved', { authorName: 'Ana Autora', isAuthor: true, authorEmail: null, ipHmac: null })
    const dashboard = await (await get(`${base}/admin`, { Cookie: cookie })).text()
    const form = dashboard.slice(dashboard.indexOf(`aria-label="Moderate comment ${target.id}"`))
    expect(form.slice(0, form.indexOf('</form>'))).toContain('<button type="submit" class="danger" formaction="/admin/bans">Ban</button>')
    const authorForm = dashboard.slice(dashboard.indexOf(`aria-label="Moderate comment ${authors.id} (recent comments)"`))
    expect(authorForm.slice(0, authorForm.indexOf('</form>'))).not.toContain('formaction="/admin/bans"')

    const res = await postForm(`${base}/admin/bans`, { id: String(target.id) }, { Cookie: cookie })
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/admin/bans?done=banned&n=1')
    expect((await rowOf(target.id)).status).toBe('spam')
    const page = await (await get(`${base}/admin/bans?done=banned&n=1`, { Cookie: cookie })).text()
    expect(page).toContain('Banned. 1 pending comment went to spam; lifting the ban puts it back.')
    expect(page).toContain(`email: ${address}`)
    expect(page).toContain('IP address (kept only as a keyed hash)')
    const id = /action="\/admin\/bans\/(\d+)\/lift" aria-label="Lift ban \1"/.exec(page.slice(page.indexOf(address)))?.[1]
    expect(id).toBeDefined()

    const lift = await postForm(`${base}/admin/bans/${id}/lift`, {}, { Cookie: cookie })
    expect(lift.headers.get('Location')).toBe('/admin/bans?done=lifted&n=1')
    expect(await rowOf(target.id)).toMatchObject({ status: 'pending', heldReason: 'first_time' })
    expect(await (await get(`${base}/admin/bans?done=lifted&n=1`, { Cookie: cookie })).text()).toContain('Ban lifted. 1 comment is back in the queue.')
  })

  it('bans an email from the page’s form, and shows a bad one again with its message (422)', async () => {
    const base = uniqueOrigin('admin-bans')
    const cookie = await signIn(base)
    const address = email()
    expect((await postForm(`${base}/admin/bans`, { email: address }, { Cookie: cookie })).headers.get('Location')).toBe('/admin/bans?done=banned&n=0')
    expect((await postForm(`${base}/admin/bans`, { email: address }, { Cookie: cookie })).headers.get('Location')).toBe('/admin/bans?done=existing&n=0')
    const bad = await postForm(`${base}/admin/bans`, { email: 'nope@' }, { Cookie: cookie })
    expect(bad.status).toBe(422)
    const html = await bad.text()
    expect(html).toContain('That is not an email address')
    expect(html).toContain('value="nope@"')
  })

  it('needs a session and a same-origin form', async () => {
    const base = uniqueOrigin('admin-bans')
    const cookie = await signIn(base)
    const target = await stored('pending', { authorEmail: email() })
    expect((await get(`${base}/admin/bans`)).status).toBe(401)
    expect((await postForm(`${base}/admin/bans`, { id: String(target.id) })).status).toBe(401)
    const crossSite = await postForm(`${base}/admin/bans`, { id: String(target.id) }, { Cookie: cookie, Origin: 'https://evil.example' })
    expect(crossSite.status).toBe(403)
    expect((await rowOf(target.id)).status).toBe('pending')
    expect((await get(`${base}/admin/bans`, { Cookie: cookie })).headers.get('Cache-Control')).toBe('no-store')
  })
})
