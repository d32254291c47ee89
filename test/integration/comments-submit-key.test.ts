import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { commentIdOf, get, origin, postForm, postJson, rowsOf, seedPost } from './comments-http'

/**
 * A double submit stores one comment, and only its first submitter (the same IP and email) is
 * ever handed its links: anyone who resends the same name and body, read from the public API,
 * gets the answer of a fresh post of their own.
 */

let ips = 0
/** Headers of a request from an address of its own (the rate limit counts per IP, across tests). */
const fromIp = () => ({ 'CF-Connecting-IP': `2001:db8:5b::${(++ips).toString(16)}:${Math.floor(Math.random() * 0xffff).toString(16)}` })
const api = (base: string, slug: string) => `${base}/api/posts/${slug}/comments`

type Created = { comment: { id: number; author: string; body: string; status: string } }

/** Every comment id a Location names: in `edit=<id>.`, `/comments/<id>?t=` or `#comment-<id>`. */
function idsIn(location: string): number[] {
  return [...location.matchAll(/edit=(\d+)\.|\/comments\/(\d+)\?t=|#comment-(\d+)/g)].map((m) => Number(m[1] ?? m[2] ?? m[3]))
}

/** What a stranger can read of a comment: the public API's name and body. */
async function publicCopy(base: string, slug: string): Promise<{ author: string; body: string }> {
  const { comments } = await (await get(api(base, slug))).json<{ comments: Array<{ author: string; body: string }> }>()
  return { author: comments[0]!.author, body: comments[0]!.body }
}

describe('a resubmit of someone else’s comment through the form', () => {
  it('never hands the stranger the first poster’s edit link', async () => {
    const base = origin('takeover')
    const slug = await seedPost('takeover-form')
    const fields = { author: 'Léa', email: 'lea@example.com', body: 'My own words.' }
    const [VICTIM, STRANGER] = [fromIp(), fromIp()]
    const first = await postForm(`${base}/posts/${slug}/comments`, fields, VICTIM)
    const victimId = commentIdOf(first.headers.get('Location'))

    for (const headers of [STRANGER, VICTIM]) {
      // From another IP, or from the same one (a shared NAT) without the poster's email.
      const res = await postForm(`${base}/posts/${slug}/comments`, await publicCopy(base, slug), headers)
      expect(res.status).toBe(303)
      const ids = idsIn(res.headers.get('Location')!)
      expect(ids.length).toBeGreaterThan(0)
      expect(ids).not.toContain(victimId)
    }
    // Another IP with the poster's email (not secret from everyone) is not them either.
    const withEmail = await postForm(`${base}/posts/${slug}/comments`, fields, STRANGER)
    expect(idsIn(withEmail.headers.get('Location')!)).not.toContain(victimId)
    const victim = (await rowsOf(slug)).find((row) => row.id === victimId)
    expect(victim).toMatchObject({ author_name: 'Léa', body: 'My own words.', author_email: 'lea@example.com' })
  })

  it('never hands the stranger the private view of a held comment', async () => {
    const base = origin('takeover')
    const slug = await seedPost('takeover-held', { comments: { moderation: 'hold' } })
    const fields = { author: 'Léa', body: 'Guessable words.' }
    const [VICTIM, STRANGER] = [fromIp(), fromIp()]
    const first = await postForm(`${base}/posts/${slug}/comments`, fields, VICTIM)
    const victimId = commentIdOf(first.headers.get('Location'))
    const res = await postForm(`${base}/posts/${slug}/comments`, fields, STRANGER)
    expect(res.status).toBe(303)
    const location = res.headers.get('Location')!
    expect(location).toMatch(/^\/posts\/takeover-held\/comments\/\d+\?t=/)
    expect(idsIn(location)).not.toContain(victimId)
  })

  it('still stores a double submit from the same IP and fields once, with the same answer', async () => {
    const base = origin('takeover')
    const slug = await seedPost('takeover-double')
    const fields = { author: 'Léa', email: 'Lea@Example.com', body: 'Clicked twice.', notify: 'replies' }
    const VICTIM = fromIp()
    const [a, b] = await Promise.all([1, 2].map(() => postForm(`${base}/posts/${slug}/comments`, fields, VICTIM)))
    expect(b!.headers.get('Location')).toBe(a!.headers.get('Location'))
    expect(await rowsOf(slug)).toHaveLength(1)
    const { results } = await env.DB.prepare(`SELECT kind FROM notify_outbox WHERE recipient = 'lea@example.com'`).all()
    expect(results).toEqual([{ kind: 'confirm' }])
  })
})

describe('a resubmit of someone else’s comment through the API', () => {
  it('answers as for a fresh post: never the first comment’s id or status', async () => {
    const base = origin('takeover')
    const slug = await seedPost('takeover-api', { comments: { moderation: 'first-time' } })
    const fields = { author: 'Noé', body: 'Held words.', email: 'noe@example.com' }
    const [VICTIM, STRANGER] = [fromIp(), fromIp()]
    const first = await (await postJson(api(base, slug), fields, VICTIM)).json<Created>()
    expect(first.comment.status).toBe('pending')
    // Even with the poster's email: another IP is another submitter.
    const res = await postJson(api(base, slug), fields, STRANGER)
    expect(res.status).toBe(201)
    const again = await res.json<Created>()
    expect(again.comment.id).not.toBe(first.comment.id)
    const same = await (await postJson(api(base, slug), fields, VICTIM)).json<Created>()
    expect(same.comment.id).toBe(first.comment.id)
  })
})
