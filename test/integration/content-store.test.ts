import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { INDEX_KEY } from '../../src/content/keys'
import { getIndex } from '../../src/content/store'
import { seedContent } from '../fixtures/content'

describe('getIndex', () => {
  it('parses the index once per text and shares it, frozen, until KV holds another', async () => {
    await seedContent(env.CONTENT, [{ slug: 'first', title: 'First' }])
    const index = await getIndex(env.CONTENT)
    expect(await getIndex(env.CONTENT)).toBe(index)
    expect(Object.isFrozen(index)).toBe(true)
    expect(Object.isFrozen(index.posts[0])).toBe(true)
    expect(() => (index.posts as unknown[]).push({})).toThrow(TypeError)

    await seedContent(env.CONTENT, [{ slug: 'second', title: 'Second' }])
    const next = await getIndex(env.CONTENT)
    expect(next).not.toBe(index)
    expect(next.posts.map((post) => post.slug)).toEqual(['second'])
  })

  it('is the empty index, with the default site, when KV holds none', async () => {
    await env.CONTENT.delete(INDEX_KEY)
    const index = await getIndex(env.CONTENT)
    expect(index.version).toBe('empty')
    expect(index.posts).toEqual([])
  })
})
