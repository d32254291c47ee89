import { describe, expect, it } from 'vitest'
import { signManage, signUnsubscribe } from '../../src/notify/tokens'
import { origin, seedPost, yesterday } from './comments-http'
import { db, KEY, linkFor, mailTo, postComment, send } from './notify-support'

/** The "manage my subscriptions" page that every reader's email links to (real routes, real migrations, the local mailbox). */

const get = (url: string) => send(new Request(url, { redirect: 'manual' }))
const stop = (url: string, value?: string) =>
  send(new Request(url, {
    method: 'POST',
    body: new URLSearchParams(value === undefined ? {} : { stop: value }),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    redirect: 'manual',
  }))

async function subscriptionsOf(email: string) {
  const { results } = await db
    .prepare('SELECT s.id, s.scope, s.post_slug, s.confirmed_at FROM notify_subscriptions s JOIN notify_addresses a ON a.id = s.address_id WHERE a.email = ?1 ORDER BY s.id')
    .bind(email)
    .all<{ id: number; scope: string; post_slug: string; confirmed_at: number | null }>()
  return results
}
const addressOf = (email: string) =>
  db.prepare('SELECT id, confirmed_at FROM notify_addresses WHERE email = ?1').bind(email).first<{ id: number; confirmed_at: number | null }>()

/** A reader following two posts (one confirmed, one waiting) and the manage link of their mail. */
async function follower(name: string) {
  const base = origin(name)
  const slug = await seedPost(name, { site: { title: 'Carnets' }, others: [{ slug: `${name}-b`, title: 'Second « post »', date: yesterday() }] })
  const email = `${name}@example.com`
  const asked = await postComment(`${base}/posts/${slug}/comments`, { email, notify: 'replies' })
  const confirm = await linkFor(email, '/notify/confirm')
  expect((await send(new Request(base + confirm, { method: 'POST', redirect: 'manual' }))).status).toBe(200)
  await postComment(`${base}/posts/${slug}-b/comments`, { email, notify: 'post' })
  await postComment(`${base}/posts/${slug}/comments`, { author: 'Bo', parent_id: String(asked) })
  const link = await linkFor(email, '/notify/subscriptions')
  return { base, slug, email, link }
}

describe('the manage link in readers’ emails', () => {
  it('is in the reply notice and in the confirmation email, signed for the address', async () => {
    const { email, link } = await follower('manage-mail')
    const mail = await mailTo(email)
    expect(mail.map((m) => m.subject)).toEqual(['Confirm your email for Carnets', 'Also email you about “Second « post »”?', expect.stringContaining('replied')])
    for (const m of mail) expect(m.text).toContain('Manage my subscriptions: https://blog.example/notify/subscriptions?a=')
    const { id } = (await addressOf(email))!
    expect(link).toBe(`/notify/subscriptions?a=${id}&t=${await signManage(KEY, id)}`)
  })
})

describe('GET /notify/subscriptions', () => {
  it('lists what the address follows, with a button each and one for everything; no-store, noindex; changes nothing', async () => {
    const { base, slug, email, link } = await follower('manage-list')
    const before = await subscriptionsOf(email)
    expect(before.map((s) => s.scope)).toEqual(['replies', 'post'])
    const res = await get(base + link)
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const html = await res.text()
    expect(html).toContain('<meta name="robots" content="noindex"/>')
    expect(html).toContain('<h1>Your subscriptions</h1>')
    expect(html).toContain(`Replies to your comment on “Post ${slug}”`)
    expect(html).toContain('Every new comment on “Second « post »” (waiting for your confirmation')
    expect(html).toContain(`<form method="post" action="${link.replaceAll('&', '&amp;')}"`)
    for (const s of before) expect(html).toContain(`name="stop" value="${s.id}"`)
    expect(html).toContain('name="stop" value="all"')
    // A GET (a mail scanner's prefetch) stops nothing.
    await get(base + link)
    expect(await subscriptionsOf(email)).toEqual(before)
  })
})

describe('POST /notify/subscriptions', () => {
  it('stops the one item its button names, then everything', async () => {
    const { base, slug, email, link } = await follower('manage-stop')
    const [replies, post] = await subscriptionsOf(email)
    const one = await stop(base + link, String(replies!.id))
    expect(one.status).toBe(200)
    expect(one.headers.get('Cache-Control')).toBe('no-store')
    const html = await one.text()
    expect(html).toContain(`Stopped: Replies to your comment on “Post ${slug}”.`)
    expect(html).not.toContain(`value="${replies!.id}"`)
    expect(html).toContain(`value="${post!.id}"`)
    expect((await subscriptionsOf(email)).map((s) => s.id)).toEqual([post!.id])
    expect((await addressOf(email))!.confirmed_at).not.toBeNull()

    const all = await stop(base + link, 'all')
    expect(all.status).toBe(200)
    expect(await all.text()).toContain('Carnets will send nothing more to this address.')
    expect(await subscriptionsOf(email)).toEqual([])
    expect((await addressOf(email))!.confirmed_at).toBeNull()
    // Nothing more arrives.
    const count = (await mailTo(email)).length
    await postComment(`${base}/posts/${slug}-b/comments`, { author: 'Cy' })
    expect(await mailTo(email)).toHaveLength(count)
  })

  it('never stops another address’s subscription, and asks for a choice when the button names none', async () => {
    const first = await follower('manage-own')
    const other = await follower('manage-other')
    const theirs = await subscriptionsOf(other.email)
    const res = await stop(first.base + first.link, String(theirs[0]!.id))
    expect(res.status).toBe(200)
    expect(await subscriptionsOf(other.email)).toEqual(theirs)
    const none = await stop(first.base + first.link)
    expect(none.status).toBe(400)
    expect(await none.text()).toContain('Choose what to stop')
    expect(await subscriptionsOf(first.email)).toHaveLength(2)
  })
})

describe('tampered manage links', () => {
  it('are refused with a clear 400 page, by GET and by POST, and change nothing', async () => {
    const { base, email, link } = await follower('manage-bad')
    const url = new URL(base + link)
    const id = Number(url.searchParams.get('a'))
    const token = url.searchParams.get('t')!
    const before = await subscriptionsOf(email)
    const bad = [
      `/notify/subscriptions?a=${id}&t=${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`,
      `/notify/subscriptions?a=${id + 1}&t=${token}`,
      `/notify/subscriptions?a=${id}`,
      '/notify/subscriptions',
      `/notify/subscriptions?a=x&t=${token}`,
      // An unsubscribe token of the same address is not a manage token.
      `/notify/subscriptions?a=${id}&t=${await signUnsubscribe(KEY, { address: id })}`,
    ]
    for (const path of bad) {
      for (const res of [await get(base + path), await stop(base + path, 'all')]) {
        expect({ path, status: res.status }).toEqual({ path, status: 400 })
        expect(res.headers.get('Cache-Control')).toBe('no-store')
        expect(await res.text()).toContain('This link does not work')
      }
    }
    expect(await subscriptionsOf(email)).toEqual(before)
  })
})
