import { parseXml, XmlElement } from '@rgrove/parse-xml'
import { exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { avatarKey, identiconSvg } from '../../src/comments/avatar'
import { adminApi } from '../fixtures/admin'
import { comment, discussionOf, get, origin, postForm, postJson, seedPost } from './comments-http'

/** Generated avatars: keyed by an HMAC of the email (or name), served by the Worker, cached for good, no email anywhere. */

const KEY = 'test-signing-key'
const avatarsOf = (html: string) => [...html.matchAll(/<img class="avatar" src="([^"]+)" alt="" width="32" height="32">/g)].map((m) => m[1]!)
const sha256Hex = async (text: string) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))].map((b) => b.toString(16).padStart(2, '0')).join('')

/** The elements of an SVG document, strictly parsed. */
function elementsOf(svg: string): string[] {
  const names: string[] = []
  const walk = (node: XmlElement) => {
    names.push(node.name)
    for (const attribute of Object.keys(node.attributes)) expect(attribute.toLowerCase()).not.toMatch(/^on|^style$|href/)
    for (const child of node.children) if (child instanceof XmlElement) walk(child)
  }
  walk(parseXml(svg).root!)
  return names
}

describe('avatars beside comments', () => {
  it('are keyed by an HMAC of the email, the same for the same commenter, and hold no email nor its plain hash', async () => {
    const base = origin('avatars')
    const slug = await seedPost('avatars-key')
    const email = 'Lea@Example.org'
    for (const fields of [{ author: 'Léa', email }, { author: 'Léa L.', email: 'lea@example.org' }, { author: 'Bo' }] as Record<string, string>[]) {
      expect((await postForm(`${base}/posts/${slug}/comments`, comment(fields))).status).toBe(303)
    }
    const page = discussionOf(await (await get(`${base}/posts/${slug}`)).text())
    const [first, second, third] = avatarsOf(page)
    const expected = await avatarKey(KEY, { email: 'lea@example.org', name: 'ignored' })
    expect(first).toBe(`/avatars/${expected}.svg`)
    // The same address under another name: the same avatar. No email: the name's.
    expect(second).toBe(first)
    expect(third).toBe(`/avatars/${await avatarKey(KEY, { email: null, name: 'Bo' })}.svg`)
    expect(third).not.toBe(first)
    for (const text of ['lea@example.org', 'Lea@Example.org', (await sha256Hex('lea@example.org')).slice(0, 32)]) expect(page).not.toContain(text)
    const svg = await (await get(`${base}${first}`)).text()
    expect(svg).not.toContain('lea')
    expect(svg).not.toContain(expected)
  })

  it('are valid, small SVG documents with nothing that runs, the same bytes every time, cached for a year as immutable', async () => {
    const key = await avatarKey(KEY, { email: 'someone@example.org', name: 'x' })
    const res = await get(`${origin('avatars')}/avatars/${key}.svg`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('image/svg+xml; charset=utf-8')
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('Content-Security-Policy')).toBe("default-src 'none'")
    const svg = await res.text()
    expect(svg).toBe(identiconSvg(key))
    expect(await (await get(`${origin('avatars')}/avatars/${key}.svg`)).text()).toBe(svg)
    expect(new Set(elementsOf(svg))).toEqual(new Set(['svg', 'rect', 'path']))
    expect(svg.length).toBeLessThan(1_500)
    const head = await exports.default.fetch(new Request(`${origin('avatars')}/avatars/${key}.svg`, { method: 'HEAD' }))
    expect(head.status).toBe(200)
    expect(head.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
  })

  it('differ from one commenter to the next', async () => {
    const keys = await Promise.all(Array.from({ length: 50 }, (_, i) => avatarKey(KEY, { email: null, name: `Reader ${i}` })))
    const pictures = new Set(keys.map(identiconSvg))
    expect(pictures.size).toBeGreaterThan(45)
  })

  it('answer 404 for any other path under /avatars/', async () => {
    const base = origin('avatars')
    for (const path of ['/avatars/', '/avatars/ABCDEF0123456789ABCDEF0123456789.svg', '/avatars/abc.svg', `/avatars/${'a'.repeat(32)}.png`, '/avatars/lea@example.org.svg']) {
      expect((await get(base + path)).status, path).toBe(404)
    }
    const author = await get(`${base}/avatars/author.svg`)
    expect(author.status).toBe(200)
    expect(new Set(elementsOf(await author.text()))).toEqual(new Set(['svg', 'rect', 'path']))
  })

  it('show the author’s avatar on the author’s replies, and are off with comments.avatars: false', async () => {
    const base = origin('avatars')
    const slug = await seedPost('avatars-author')
    const res = await postJson(`${base}/api/posts/${slug}/comments`, { author: 'Léa', body: 'Hi' })
    const { comment: first } = await res.json<{ comment: { id: number } }>()
    expect((await adminApi(`${base}/api/admin/posts/${slug}/comments`, { method: 'POST', body: { body: 'Hello', parentId: first.id } })).status).toBe(201)
    const page = discussionOf(await (await get(`${base}/posts/${slug}`)).text())
    expect(avatarsOf(page)).toEqual([`/avatars/${await avatarKey(KEY, { email: null, name: 'Léa' })}.svg`, '/avatars/author.svg'])

    const off = await seedPost('avatars-off', { comments: { avatars: false } })
    await postJson(`${base}/api/posts/${off}/comments`, { author: 'Léa', body: 'Hi' })
    const plain = await (await get(`${origin('avatars')}/posts/${off}`)).text()
    expect(plain).not.toContain('class="avatar"')
  })
})
