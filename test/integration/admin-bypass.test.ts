import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { app } from '../../src/app'
import { getComment } from '../../src/comments/store'
import { DEFAULT_SITE } from '../../src/content/site-defaults'
import { ADMIN_TOKEN, signIn, uniqueOrigin } from '../fixtures/admin'
import { seedContent } from '../fixtures/content'

// The public comment API, as the admin uses it: any admin credential skips rate limits and holds.

const SLUG = 'admin-bypass'
let ips = 0
/** An IP of its own per test, so the per-IP limit of one test does not touch another. */
const uniqueIp = () => `203.0.113.${++ips}`

beforeAll(async () => {
  await seedContent(env.CONTENT, [{ slug: SLUG, title: 'Bypass' }], {
    comments: { ...DEFAULT_SITE.comments, moderation: 'hold' },
  })
})

function postComment(origin: string, ip: string, n: number, headers: Record<string, string> = {}) {
  return exports.default.fetch(
    new Request(`${origin}/api/posts/${SLUG}/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': ip, ...headers },
      body: JSON.stringify({ author: 'Reader', body: `Comment number ${n} from ${ip}.` }),
    }),
  )
}

/** Statuses of `count` comments posted in a row from one IP. */
async function burst(count: number, headers: Record<string, string> = {}) {
  const origin = uniqueOrigin('bypass')
  const ip = uniqueIp()
  const statuses: number[] = []
  for (let n = 1; n <= count; n++) statuses.push((await postComment(origin, ip, n, headers)).status)
  return statuses
}

describe('admin requests on the public comment API', () => {
  it('are rate-limited without an admin credential (the control)', async () => {
    expect(await burst(8)).toContain(429)
  })

  it('skip the rate limit with the bearer token', async () => {
    expect(await burst(8, { Authorization: `Bearer ${ADMIN_TOKEN}` })).toEqual(Array(8).fill(201))
  })

  it('skip the rate limit with the /admin session cookie', async () => {
    const cookie = await signIn(uniqueOrigin('bypass'))
    expect(await burst(8, { Cookie: cookie })).toEqual(Array(8).fill(201))
  })

  it('are published at once where readers’ comments are held', async () => {
    const origin = uniqueOrigin('bypass')
    const reader = await postComment(origin, uniqueIp(), 1)
    const admin = await postComment(origin, uniqueIp(), 2, { Authorization: `Bearer ${ADMIN_TOKEN}` })
    const readerComment = ((await reader.json()) as { comment: { id: number; status: string } }).comment
    const adminComment = ((await admin.json()) as { comment: { id: number; status: string } }).comment
    expect(readerComment.status).toBe('pending')
    expect(adminComment.status).toBe('approved')
    expect((await getComment(env.DB, adminComment.id))?.status).toBe('approved')
  })

  it('do not take a wrong bearer token as an admin credential', async () => {
    expect(await burst(8, { Authorization: 'Bearer not-the-token' })).toContain(429)
  })

  it('need no Turnstile token where readers’ comments must carry one', async () => {
    const origin = uniqueOrigin('bypass')
    const send = async (headers: Record<string, string>) => {
      const ctx = createExecutionContext()
      const request = new Request(`${origin}/api/posts/${SLUG}/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': uniqueIp(), ...headers },
        body: JSON.stringify({ author: 'Reader', body: `Without a challenge ${JSON.stringify(headers)}.` }),
      })
      const res = await app.fetch(request, { ...env, TURNSTILE_SECRET: 'secret' }, ctx)
      await waitOnExecutionContext(ctx)
      return res.status
    }
    expect(await send({})).toBe(403)
    expect(await send({ Authorization: `Bearer ${ADMIN_TOKEN}` })).toBe(201)
  })
})
