import { describe, expect, it } from 'vitest'
import { DUPLICATE_WINDOW_MS, submitKeys } from '../../src/comments/submit-key'

const comment = {
  postSlug: 'a-post', parentId: null, authorName: 'Léa', body: 'Same words.', ipHmac: 'a'.repeat(64), authorEmail: 'lea@example.com',
}
const start = Math.floor(Date.UTC(2026, 10, 27) / DUPLICATE_WINDOW_MS) * DUPLICATE_WINDOW_MS

describe('submitKeys', () => {
  it('gives the same key to the same submit within one bucket', async () => {
    const first = await submitKeys(comment, start + 1_000)
    expect(first.current).toMatch(/^[0-9a-f]{64}$/)
    expect(await submitKeys(comment, start + DUPLICATE_WINDOW_MS - 1)).toEqual(first)
  })

  it('names the previous bucket so a submit across the boundary can be matched', async () => {
    const before = await submitKeys(comment, start - 1)
    const after = await submitKeys(comment, start)
    expect(after.previous).toBe(before.current)
    expect(after.current).not.toBe(before.current)
  })

  it('differs when post, parent, author, body, IP or email differ', async () => {
    const base = (await submitKeys(comment, start)).current
    const variants = [
      { ...comment, postSlug: 'b-post' }, { ...comment, parentId: 1 }, { ...comment, authorName: 'Lea' },
      { ...comment, body: 'Same words!' }, { ...comment, authorName: 'Léa Same', body: 'words.' },
      { ...comment, ipHmac: 'b'.repeat(64) }, { ...comment, ipHmac: null }, { ...comment, authorEmail: null },
      { ...comment, authorEmail: 'eve@example.com' },
    ]
    for (const variant of variants) expect((await submitKeys(variant, start)).current).not.toBe(base)
  })

  it('reads the email without regard to case, as the same address', async () => {
    const upper = await submitKeys({ ...comment, authorEmail: 'Lea@Example.COM' }, start)
    expect(upper).toEqual(await submitKeys(comment, start))
  })
})
