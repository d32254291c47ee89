import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { app } from '../../src/app'
import { editToken } from '../../src/comments/poster'
import { insertComment } from '../../src/comments/store'
import { newComment } from '../fixtures/comments/new-comment'
import { seedPages } from '../fixtures/content'
import { publishWithSearch } from '../fixtures/search'

/**
 * Which D1 reads go to a read replica: public reads go through the Sessions API
 * (`withSession()`, src/routes/thread-read.ts `publicReads`), so that a replica near the reader
 * can answer them where the account enables replication. The real local D1 answers both ways;
 * this records, per request, which tables each path queried.
 */
function recordingDb(db: D1Database) {
  const primary: string[] = []
  const session: string[] = []
  const tables = (sql: string) => [...sql.matchAll(/\bFROM\s+(\w+)/gi)].map((m) => m[1]!.toLowerCase())
  const recorded = new Proxy(db, {
    get(target, name) {
      if (name === 'prepare') return (sql: string) => (primary.push(...tables(sql)), target.prepare(sql))
      if (name === 'withSession') {
        return (constraint?: string) => {
          const opened = target.withSession(constraint)
          return new Proxy(opened, {
            get: (s, n) => (n === 'prepare' ? (sql: string) => (session.push(...tables(sql)), s.prepare(sql)) : Reflect.get(s, n, s)),
          })
        }
      }
      const value = Reflect.get(target, name, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  return { db: recorded, primary, session }
}

const origin = 'https://sessions.test'
const slug = 'read-near-the-reader'

async function fetchRecording(path: string) {
  const { db, primary, session } = recordingDb(env.DB)
  const ctx = createExecutionContext()
  const res = await app.fetch(new Request(`${origin}${path}`), { ...env, DB: db }, ctx)
  await waitOnExecutionContext(ctx)
  return { res, body: await res.text(), primary, session }
}

beforeAll(async () => {
  const index = await publishWithSearch([{ slug, title: 'Replicas near the reader', markdown: 'Searchable words about replicas.' }])
  await seedPages(env.CONTENT, index, [{ slug: 'guestbook', title: 'Guestbook', comments: true }])
  await insertComment(env.DB, newComment({ postSlug: slug, body: 'Seen from afar' }))
})

describe('public reads go through the Sessions API', () => {
  it.each([
    ['a post’s page, its thread', `/posts/${slug}`, 'comments'],
    ['a page’s discussion', '/guestbook', 'comments'],
    ['the post list, its comment counts', '/', 'comments'],
    ['search', '/search?q=replicas', 'search_index'],
    ['a post’s comment feed', `/posts/${slug}/comments.xml`, 'comments'],
    ['the site’s comment feed', '/comments.xml', 'comments'],
    ['the comments API', `/api/posts/${slug}/comments`, 'comments'],
  ])('%s', async (_name, path, table) => {
    const { res, session, primary } = await fetchRecording(path)
    expect(res.status).toBe(200)
    expect(session).toContain(table)
    expect(primary).not.toContain(table)
  })
})

it('the poster’s own view (`?edit=`) reads the primary, which has the comment just written', async () => {
  const { comment } = await insertComment(env.DB, newComment({ postSlug: slug, status: 'pending', createdAt: Date.now() }))
  const token = await editToken(env.SIGNING_KEY, comment)
  const { res, primary, session } = await fetchRecording(`/posts/${slug}?edit=${comment.id}.${encodeURIComponent(token)}`)
  expect(res.status).toBe(200)
  expect(primary).toContain('comments')
  expect(session).not.toContain('comments')
})
