import { env } from 'cloudflare:workers'
import { describe, expect, it, vi } from 'vitest'
import { LIST_TAG } from '../../src/cache/tags'
import { moderateComments, retryFailedEmail } from '../../src/comments/moderate'
import { insertComment } from '../../src/comments/store'
import { newComment } from '../fixtures/comments/new-comment'

/** Deps whose purge and delivery record what they were asked (the global purge cannot run here). */
function recordingDeps() {
  const purged: string[][] = []
  const delivered: number[][] = []
  const deps = {
    db: env.DB,
    purge: async (tags: string[]) => void purged.push(tags),
    deliver: (ids: number[]) => void delivered.push(ids),
  }
  return { deps, purged, delivered }
}

const held = async (postSlug: string) => (await insertComment(env.DB, newComment({ postSlug, status: 'pending' }))).comment

describe('moderateComments', () => {
  it('purges the pages an approval changes and tries the emails it queued, once each', async () => {
    const { deps, purged, delivered } = recordingDeps()
    const [a, b] = [await held('moderate-a'), await held('moderate-a')]
    const result = await moderateComments(deps, [a.id, b.id], 'approved')
    expect(result.changed).toBe(2)
    expect(purged).toHaveLength(1)
    expect(purged[0]!.sort()).toEqual([LIST_TAG, 'post:moderate-a'].sort())
    expect(delivered).toEqual([[a.id, b.id]])
  })

  it('does nothing outside D1 when nothing public changed', async () => {
    const { deps, purged, delivered } = recordingDeps()
    const comment = await held('moderate-b')
    await moderateComments(deps, [comment.id], 'spam')
    expect(purged).toEqual([])
    expect(delivered).toEqual([])
  })

  it('keeps the status change when the purge fails', async () => {
    const comment = await held('moderate-c')
    const deps = { db: env.DB, purge: async () => Promise.reject(new Error('purge rate-limited')) }
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const result = await moderateComments(deps, [comment.id], 'approved')
      expect(result.comments[0]!.status).toBe('approved')
      expect(logged).toHaveBeenCalledWith('cache purge failed', expect.any(Array), expect.any(Error))
    } finally {
      logged.mockRestore()
    }
  })
})

describe('retryFailedEmail', () => {
  it('queues a failed email again and tries it for its comment; null for one that had not failed', async () => {
    const { deps, delivered } = recordingDeps()
    const comment = await held('retry-a')
    const { meta } = await env.DB.prepare(`INSERT INTO notify_outbox (kind, recipient, comment_id, status, attempts,
        next_attempt_at, created_at, unique_key) VALUES ('author', 'me@example.com', ?1, 'failed', 5, 0, 0, ?2)`)
      .bind(comment.id, `retry-test:${comment.id}`)
      .run()
    const id = Number(meta.last_row_id)
    expect(await retryFailedEmail(deps, id)).toMatchObject({ id, status: 'pending', commentId: comment.id })
    expect(delivered).toEqual([[comment.id]])
    expect(await retryFailedEmail(deps, id)).toBeNull()
    expect(delivered).toHaveLength(1)
  })
})
