import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { CONFIRM_TTL_MS, signConfirm, signUnsubscribe } from '../../src/notify/tokens'
import { origin, seedPost, yesterday } from './comments-http'
import { db, KEY, linkFor, mailTo, postComment, send } from './notify-support'

/** Double opt-in and unsubscribing, through the Worker (real routes, real migrations, the local mailbox). */

const get = (url: string) => send(new Request(url, { redirect: 'manual' }))
/** What a mail provider sends for RFC 8058 one-click: a POST with a fixed body and no Origin header. */
const oneClick = (url: string) =>
  send(new Request(url, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, redirect: 'manual' }))
const post = (url: string) => send(new Request(url, { method: 'POST', headers: { Origin: new URL(url).origin }, redirect: 'manual' }))
const address = (email: string) =>
  db.prepare('SELECT id, confirmed_at FROM notify_addresses WHERE email = ?1').bind(email).first<{ id: number; confirmed_at: number | null }>()

describe('double opt-in', () => {
  it('sends one confirmation email; its page asks before acting; the POST confirms and replies start to arrive', async () => {
    const base = origin('optin')
    const slug = await seedPost('optin', { site: { title: 'Carnets' } })
    const asked = await postComment(`${base}/posts/${slug}/comments`, { email: 'Ana@Example.com', notify: 'replies' })
    await postComment(`${base}/posts/${slug}/comments`, { email: 'ana@example.com', notify: 'post' })
    expect((await mailTo('ana@example.com')).map((m) => m.subject)).toEqual(['Confirm your email for Carnets'])

    await postComment(`${base}/posts/${slug}/comments`, { parent_id: String(asked), author: 'Bo' })
    expect(await mailTo('ana@example.com')).toHaveLength(1)

    const link = await linkFor('ana@example.com', '/notify/confirm')
    const page = await get(base + link)
    expect(page.status).toBe(200)
    expect(page.headers.get('Cache-Control')).toBe('no-store')
    const html = await page.text()
    expect(html).toContain('<h1>Confirm your email address</h1>')
    expect(html).toContain(`<form method="post" action="${link.replaceAll('&', '&amp;')}">`)
    expect((await address('ana@example.com'))?.confirmed_at).toBeNull()

    const done = await post(base + link)
    expect(done.status).toBe(200)
    expect(await done.text()).toContain('<h1>Email address confirmed</h1>')
    expect((await address('ana@example.com'))?.confirmed_at).toEqual(expect.any(Number))

    await postComment(`${base}/posts/${slug}/comments`, { parent_id: String(asked), author: 'Cy' })
    const mail = await mailTo('ana@example.com')
    expect(mail.map((m) => m.subject)).toEqual(['Confirm your email for Carnets', `Cy replied on “Post ${slug}”`])
  })

  it('answers a tampered confirmation link with a clear page, and an old one with an expiry page', async () => {
    const base = origin('optin-bad')
    const slug = await seedPost('optin-bad')
    await postComment(`${base}/posts/${slug}/comments`, { email: 'bad@example.com', notify: 'post' })
    const link = new URL(base + (await linkFor('bad@example.com', '/notify/confirm')))
    const token = link.searchParams.get('t')!
    const subscription = Number(link.searchParams.get('s'))
    const tampered = `${link.pathname}?s=${subscription}&t=${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`
    const { id } = (await address('bad@example.com'))!
    const bad = [tampered, '/notify/confirm', '/notify/confirm?s=1', '/notify/confirm?s=x&t=y', `/notify/confirm?s=999999&t=${token}`,
      // A subscription's token does not confirm the address alone, nor does it confirm with both named.
      `/notify/confirm?a=${id}&t=${token}`, `/notify/confirm?s=${subscription}&a=${id}&t=${token}`]
    for (const path of bad) {
      for (const res of [await get(base + path), await post(base + path)]) {
        expect(res.status, path).toBe(400)
        expect(await res.text()).toContain('<h1>This link does not work</h1>')
      }
    }
    const expired = `/notify/confirm?s=${subscription}&t=${await signConfirm(KEY, { subscription }, Date.now() - CONFIRM_TTL_MS)}`
    const res = await post(base + expired)
    expect(res.status).toBe(410)
    expect(await res.text()).toContain('<h1>This link has expired</h1>')
    expect((await address('bad@example.com'))?.confirmed_at).toBeNull()
  })
})

/** A confirmed reader following comment `followed` and the whole post, with a first notice in the mailbox. */
async function follower(base: string, slug: string, email: string) {
  const followed = await postComment(`${base}/posts/${slug}/comments`, { email, notify: 'replies' })
  await postComment(`${base}/posts/${slug}/comments`, { email, notify: 'post' })
  // One confirmation email; its page then offers the second subscription, which waits.
  const done = await (await post(base + (await linkFor(email, '/notify/confirm')))).text()
  expect(done).toContain(`This address was also put down for every new comment on “Post ${slug}”.`)
  await post(base + done.match(/action="(\/notify\/confirm\?[^"]+)"/)![1]!.replaceAll('&amp;', '&'))
  await postComment(`${base}/posts/${slug}/comments`, { parent_id: String(followed), author: 'Bo' })
  return followed
}

describe('unsubscribing', () => {
  it('shows a page on GET, stops one subscription on the one-click POST (no Origin), and keeps the others', async () => {
    const base = origin('unsub-one')
    const slug = await seedPost('unsub-one')
    const followed = await follower(base, slug, 'one@example.com')
    const [, notice] = await mailTo('one@example.com')
    expect(notice!.subject).toBe(`Bo replied on “Post ${slug}”`)
    const header = (JSON.parse(notice!.headers) as Record<string, string>)['List-Unsubscribe']!
    const url = new URL(header.slice(1, -1))
    const target = `${base}${url.pathname}${url.search}`

    const page = await get(target)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('You get an email when someone replies to your comment on')
    const again = await postComment(`${base}/posts/${slug}/comments`, { parent_id: String(followed), author: 'Cy' })
    expect((await mailTo('one@example.com')).map((m) => m.subject).at(-1)).toBe(`Cy replied on “Post ${slug}”`)

    const res = await oneClick(target)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<h1>You are unsubscribed</h1>')
    expect((await oneClick(target)).status).toBe(200)

    const count = (await mailTo('one@example.com')).length
    await postComment(`${base}/posts/${slug}/comments`, { parent_id: String(again), author: 'Di' })
    const after = await mailTo('one@example.com')
    // The reply subscription is gone; the post subscription still tells them, once.
    expect(after.slice(count).map((m) => m.subject)).toEqual([`New comment by Di on “Post ${slug}”`])
  })

  it('stops everything for the address, and a later request has to be confirmed again', async () => {
    const base = origin('unsub-all')
    const slug = await seedPost('unsub-all')
    const followed = await follower(base, slug, 'all@example.com')
    const link = await linkFor('all@example.com', '/notify/unsubscribe')
    const all = (await mailTo('all@example.com')).at(-1)!.text.match(/https:\/\/\S+\/notify\/unsubscribe\?a=\S+/)![0]
    expect(link).toContain('?s=')
    const page = await get(base + new URL(all).pathname + new URL(all).search)
    expect(await page.text()).toContain('<button type="submit">Stop every email</button>')

    const res = await post(base + new URL(all).pathname + new URL(all).search)
    expect(await res.text()).toContain('<h1>You will get no more emails</h1>')
    const count = (await mailTo('all@example.com')).length
    await postComment(`${base}/posts/${slug}/comments`, { parent_id: String(followed), author: 'Cy' })
    await postComment(`${base}/posts/${slug}/comments`, { email: 'all@example.com', notify: 'post' })
    expect(await mailTo('all@example.com')).toHaveLength(count)
    expect((await address('all@example.com'))?.confirmed_at).toBeNull()
  })

  it('answers a tampered unsubscribe link with a clear page and changes nothing; a genuine link for a gone subscription says it is done', async () => {
    const base = origin('unsub-bad')
    const slug = await seedPost('unsub-bad')
    await follower(base, slug, 'keep@example.com')
    const link = await linkFor('keep@example.com', '/notify/unsubscribe')
    const forged = link.replace(/t=[\w-]+/, `t=${await signUnsubscribe('another-key', { subscription: 1 })}`)
    const swapped = link.replace(/s=\d+/, 's=1')
    for (const path of [forged, swapped, '/notify/unsubscribe', '/notify/unsubscribe?s=1&a=1&t=x']) {
      const res = await oneClick(base + path)
      expect(res.status, path).toBe(400)
      expect(await res.text()).toContain('<h1>This link does not work</h1>')
    }
    const subs = await db.prepare(`SELECT COUNT(*) AS n FROM notify_subscriptions s JOIN notify_addresses a ON a.id = s.address_id
      WHERE a.email = 'keep@example.com'`).first<{ n: number }>()
    expect(subs?.n).toBe(2)
    const gone = `/notify/unsubscribe?s=987654&t=${await signUnsubscribe(KEY, { subscription: 987654 })}`
    const res = await get(base + gone)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<h1>You are unsubscribed</h1>')
  })

  it('does nothing on GET: a mail scanner that follows every link unsubscribes no one', async () => {
    const base = origin('scanner')
    const slug = await seedPost('scanner')
    await follower(base, slug, 'scan@example.com')
    const links = (await mailTo('scan@example.com')).flatMap((m) => m.text.match(/https:\/\/\S+\/notify\/\S+/g) ?? [])
    for (const link of links) await get(base + new URL(link).pathname + new URL(link).search)
    const subs = await env.DB.prepare(`SELECT COUNT(*) AS n FROM notify_subscriptions s JOIN notify_addresses a ON a.id = s.address_id
      WHERE a.email = 'scan@example.com' AND a.confirmed_at IS NOT NULL`).first<{ n: number }>()
    expect(subs?.n).toBe(2)
  })
})

describe('a confirmed address asked for by someone else', () => {
  it('is told nothing of a post it never followed until the address itself says yes, and asked at most once a day', async () => {
    const base = origin('stranger')
    const other = `stranger-other-${Date.now()}`
    const third = `stranger-third-${Date.now()}`
    const slug = await seedPost('stranger', {
      site: { title: 'Carnets' },
      others: [{ slug: other, title: `Post ${other}`, date: yesterday() }, { slug: third, title: `Post ${third}`, date: yesterday() }],
    })
    await follower(base, slug, 'alice@example.com')
    // Alice confirmed two days ago.
    await db.prepare("UPDATE notify_addresses SET confirm_sent_at = confirm_sent_at - 172800000 WHERE email = 'alice@example.com'").run()
    const before = (await mailTo('alice@example.com')).length

    // Mallory posts with Alice's confirmed address and asks for every comment on another post.
    await postComment(`${base}/posts/${other}/comments`, { author: 'Mallory', email: 'alice@example.com', notify: 'post' })
    await postComment(`${base}/posts/${other}/comments`, { author: 'Bo' })
    const asked = (await mailTo('alice@example.com')).slice(before)
    expect(asked.map((m) => m.subject)).toEqual([`Also email you about “Post ${other}”?`])
    expect(asked[0]!.text).toContain('/notify/confirm?s=')

    // A second request the same day brings no second email, and no notice either.
    await postComment(`${base}/posts/${third}/comments`, { author: 'Mallory', email: 'alice@example.com', notify: 'post' })
    await postComment(`${base}/posts/${third}/comments`, { author: 'Bo' })
    expect((await mailTo('alice@example.com')).slice(before)).toHaveLength(1)

    // Alice says yes to the one she was asked about: from then on that post's comments reach her.
    await post(base + (await linkFor('alice@example.com', '/notify/confirm')))
    await postComment(`${base}/posts/${other}/comments`, { author: 'Cy' })
    await postComment(`${base}/posts/${third}/comments`, { author: 'Cy' })
    expect((await mailTo('alice@example.com')).slice(before + 1).map((m) => m.subject)).toEqual([`New comment by Cy on “Post ${other}”`])
  })

  it('asks at once when the address has answered its last email: the owner following a second comment', async () => {
    const base = origin('answered')
    const slug = await seedPost('answered', { site: { title: 'Carnets' } })
    await follower(base, slug, 'ada.answered@example.com')
    const before = (await mailTo('ada.answered@example.com')).length
    // Ada confirmed minutes ago (follower() confirms); she now follows a comment of hers on the same post.
    await postComment(`${base}/posts/${slug}/comments`, { author: 'Ada', email: 'ada.answered@example.com', notify: 'replies' })
    const asked = (await mailTo('ada.answered@example.com')).slice(before)
    expect(asked.map((m) => m.subject)).toEqual([`Also email you about “Post ${slug}”?`])
    // Not answered yet: a second request brings nothing more the same day.
    await postComment(`${base}/posts/${slug}/comments`, { author: 'Ada', email: 'ada.answered@example.com', notify: 'replies' })
    expect((await mailTo('ada.answered@example.com')).slice(before)).toHaveLength(1)
  })
})
