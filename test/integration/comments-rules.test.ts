import { describe, expect, it } from 'vitest'
import { siteSchema } from '../../src/content/schema'
import { comment, get, origin, postForm, postJson, rowsOf, seedPost } from './comments-http'

let ips = 0
/** A client address of its own per test (the rate limiter's counts outlive a test), in 192.0.2.0/24. */
const ip = () => `192.0.2.${(++ips % 250) + 1}`

/** Seeds a post whose site.yaml has these rules, read through the publish-time schema. */
async function seedRules(slug: string, rules: { hold?: unknown; block?: unknown }) {
  const { hold, block } = siteSchema.parse({ comments: rules }).comments
  return seedPost(slug, { comments: { moderation: 'all', hold, block } })
}

/** Posts through the JSON API; returns the status it answered and the stored row. */
async function send(slug: string, fields: Record<string, unknown>, clientIp = ip()) {
  const res = await postJson(`${origin()}/api/posts/${slug}/comments`, { author: 'Léa', body: `Hello ${Math.random()}`, ...fields }, { 'CF-Connecting-IP': clientIp })
  expect(res.status).toBe(201)
  const { comment: answered } = await res.json<{ comment: { id: number; status: string } }>()
  const row = (await rowsOf(slug)).find((r) => r.id === answered.id)!
  return { answered: answered.status, stored: row.status, heldReason: row.held_reason }
}

describe('content rules on words', () => {
  it('hold a comment whose text has a listed word, ignoring case and accents, with the reason "rule"', async () => {
    const slug = await seedRules('rules-accents', { hold: { words: ['cafe', 'CRÈME'] } })
    expect(await send(slug, { body: 'Un CAFÉ, s’il vous plaît' })).toEqual({ answered: 'pending', stored: 'pending', heldReason: 'rule' })
    expect(await send(slug, { body: 'la creme brulee' })).toMatchObject({ stored: 'pending', heldReason: 'rule' })
    expect(await send(slug, { body: 'Cafés are nice' })).toMatchObject({ stored: 'approved' })
  })

  it('match whole words only: "ass" holds "You ass" but not "assez" nor "class"', async () => {
    const slug = await seedRules('rules-words', { hold: { words: ['ass'] } })
    expect(await send(slug, { body: 'C’est assez, first class.' })).toMatchObject({ stored: 'approved' })
    expect(await send(slug, { body: 'You ASS.' })).toMatchObject({ stored: 'pending', heldReason: 'rule' })
  })

  it('check the name and the email too, and names on the name only', async () => {
    const slug = await seedRules('rules-names', { hold: { words: ['casino'], names: ['Bob Spam'] } })
    expect(await send(slug, { author: 'Casino Royal' })).toMatchObject({ stored: 'pending' })
    expect(await send(slug, { email: 'casino@example.com' })).toMatchObject({ stored: 'pending' })
    expect(await send(slug, { author: 'bob spam' })).toMatchObject({ stored: 'pending' })
    expect(await send(slug, { body: 'Bob Spam said so' })).toMatchObject({ stored: 'approved' })
  })
})

describe('content rules on emails and links', () => {
  it('block an address and a whole email domain with its subdomains', async () => {
    const slug = await seedRules('rules-emails', { block: { emails: ['spammer@example.com', '@spam.example'] } })
    expect(await send(slug, { email: 'SPAMMER@example.com' })).toEqual({ answered: 'pending', stored: 'spam', heldReason: null })
    expect(await send(slug, { email: 'x@mail.spam.example' })).toMatchObject({ stored: 'spam' })
    expect(await send(slug, { email: 'friend@example.com' })).toMatchObject({ stored: 'approved' })
  })

  it('hold a comment linking to a listed domain or its subdomains, not to a look-alike', async () => {
    const slug = await seedRules('rules-links', { hold: { links: ['pills.example'] } })
    expect(await send(slug, { body: 'See [this](https://shop.PILLS.example/buy)' })).toMatchObject({ stored: 'pending', heldReason: 'rule' })
    expect(await send(slug, { body: 'See https://pills.example' })).toMatchObject({ stored: 'pending' })
    expect(await send(slug, { body: 'See https://notpills.example' })).toMatchObject({ stored: 'approved' })
  })
})

describe('content rules on IP addresses', () => {
  it('block an IPv4 range by CF-Connecting-IP, and never store the address', async () => {
    const slug = await seedRules('rules-ipv4', { block: { ips: ['198.51.100.0/24'] } })
    expect(await send(slug, {}, '198.51.100.77')).toMatchObject({ answered: 'pending', stored: 'spam' })
    expect(await send(slug, {}, '198.51.101.1')).toMatchObject({ stored: 'approved' })
    const rows = JSON.stringify(await rowsOf(slug))
    expect(rows).not.toContain('198.51.100.77')
    expect(rows).not.toContain('198.51.101.1')
  })

  it('hold an IPv6 range, whatever the spelling of the address', async () => {
    const slug = await seedRules('rules-ipv6', { hold: { ips: ['2001:db8:aa::/48'] } })
    expect(await send(slug, {}, '2001:db8:aa:1::5')).toMatchObject({ stored: 'pending', heldReason: 'rule' })
    expect(await send(slug, {}, '2001:0DB8:00AA:0000:0000:0000:0000:0009')).toMatchObject({ stored: 'pending' })
    expect(await send(slug, {}, '2001:db8:ab::1')).toMatchObject({ stored: 'approved' })
  })
})

describe('hold and block through the form', () => {
  it('answer a blocked comment exactly as a held one: a 303 to the poster’s own view, "awaiting moderation"', async () => {
    const slug = await seedRules('rules-form', { hold: { words: ['maybe'] }, block: { words: ['never'] } })
    const base = origin()
    const post = (body: string) => postForm(`${base}/posts/${slug}/comments`, comment({ body }), { 'CF-Connecting-IP': ip() })
    const [held, blocked] = [await post('maybe so'), await post('never ever')]
    for (const res of [held, blocked]) {
      expect(res.status).toBe(303)
      expect(res.headers.get('Location')).toMatch(new RegExp(`^/posts/${slug}/comments/\\d+\\?t=`))
    }
    const pages = await Promise.all([held, blocked].map(async (res) => (await get(base + res.headers.get('Location'))).text()))
    const [heldPage, blockedPage] = pages as [string, string]
    expect(blockedPage).toContain('<span class="badge pending">Awaiting moderation</span>')
    // The same page but for the text and the signed links.
    const strip = (html: string) =>
      html
        .replace(/maybe so|never ever/g, 'TEXT')
        .replace(/(comments\/|comment-)\d+/g, '$1ID')
        .replace(/t=[\w.%-]+/g, 't=T')
        .replace(/<time[^>]*>[^<]*<\/time>/g, '')
    expect(strip(blockedPage)).toBe(strip(heldPage))
    const rows = await rowsOf(slug)
    expect(rows.map((r) => r.status)).toEqual(['pending', 'spam'])
  })
})

describe('content rules on edits', () => {
  it('send a published comment back to the queue when its new text matches a rule', async () => {
    const slug = await seedRules('rules-edit', { block: { words: ['casino'] } })
    const base = origin()
    const res = await postForm(`${base}/posts/${slug}/comments`, comment({ body: 'Innocent' }), { 'CF-Connecting-IP': ip() })
    const edit = new URL(base + res.headers.get('Location')).searchParams.get('edit')!
    const [id, token] = [Number(edit.slice(0, edit.indexOf('.'))), edit.slice(edit.indexOf('.') + 1)]
    expect((await rowsOf(slug))[0]).toMatchObject({ id, status: 'approved' })
    const saved = await postForm(`${base}/posts/${slug}/comments/${id}/edit`, { t: token, body: 'Visit my Casino' }, { 'CF-Connecting-IP': ip() })
    expect(saved.status).toBe(303)
    expect((await rowsOf(slug))[0]).toMatchObject({ status: 'pending', held_reason: 'rule' })
  })
})
