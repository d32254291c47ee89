import { commentBody, seededRandom } from '../../fixtures/comments/bodies'
import { postAsAdmin } from './comments'

const READERS = ['Bruno', 'Chloé Martin', 'dev_null', 'Émile', 'Fatima Zahra', 'Hiroshi 山田', 'Inès', 'Kwame', 'María José', 'Priya']
const MAX_DEPTH = 4

/**
 * Writes a threaded discussion of `count` comments under `slug` through the public JSON API with
 * the admin token (so every comment is public at once): about a third start a thread, the rest
 * answer an earlier comment no deeper than four levels, and every fifth is the blog's author
 * answering through `POST /api/admin/posts/<slug>/comments` (the author badge). Deterministic
 * for a given `seed`. Resolves with the ids, oldest first.
 */
export async function seedThread(app: { origin: string; adminToken: string }, slug: string, count = 30, seed = 30): Promise<number[]> {
  const rand = seededRandom(seed)
  const ids: number[] = []
  const depth = new Map<number, number>()
  for (let i = 0; i < count; i++) {
    const candidates = ids.filter((id) => depth.get(id)! < MAX_DEPTH)
    const parentId = i === 0 || rand() < 0.35 || candidates.length === 0 ? null : candidates[Math.floor(rand() * candidates.length)]!
    const body = commentBody(rand)
    const id =
      i % 5 === 4 && parentId !== null
        ? await postAsAuthor(app, slug, { body, parentId })
        : (await postAsAdmin(app, slug, { author: READERS[Math.floor(rand() * READERS.length)]!, body, parentId })).id
    depth.set(id, parentId === null ? 1 : depth.get(parentId)! + 1)
    ids.push(id)
  }
  return ids
}

async function postAsAuthor(app: { origin: string; adminToken: string }, slug: string, reply: { body: string; parentId: number }): Promise<number> {
  const response = await fetch(`${app.origin}/api/admin/posts/${encodeURIComponent(slug)}/comments`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${app.adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(reply),
  })
  if (response.status !== 201) throw new Error(`POST author reply: ${response.status} ${await response.text()}`)
  return ((await response.json()) as { comment: { id: number } }).comment.id
}
