import { describe, expect, it } from 'vitest'
import { buildIndex } from '../../src/cli/build-index'
import type { ContentFiles } from '../../src/cli/content-files'
import { parseContent, type ParsedContent } from '../../src/cli/parse-content'
import { planPublish } from '../../src/cli/plan'
import { postCopyHtml } from '../../src/content/keys'

type Posts = Record<string, string>

/** Content as parseContent makes it from `posts` (file name → front matter lines) and a site.yaml. */
function content(posts: Posts, site = 'timeZone: Europe/Paris'): ParsedContent {
  const files: ContentFiles = {
    site: { path: 'content/site.yaml', text: site },
    posts: Object.entries(posts).map(([name, fm]) => ({ path: `content/posts/${name}.md`, text: `---\n${fm}\n---\n\nText of ${name}.\n` })),
    media: [],
    ignored: [],
  }
  const result = parseContent(files)
  if (!result.ok) throw new Error(result.errors.join('\n'))
  return result.content
}

const base: Posts = {
  alpha: 'title: Alpha\ndate: 2026-01-01\ntags: [Café, news]',
  beta: 'title: Beta\ndate: 2026-02-01\ntags: [news]',
  gamma: 'title: Gamma\ndate: 2026-03-01\ndraft: true\ntags: [secret]',
}
const remote = (posts: Posts, site?: string) => buildIndex(content(posts, site), { drafts: false })
const local = (posts: Posts, site?: string) => buildIndex(content(posts, site), { drafts: true })

describe('buildIndex', () => {
  it('sorts posts newest first and gives each a 16-hex-digit hash in its KV key', () => {
    const { index, bodies } = local(base)
    expect(index.posts.map((p) => p.slug)).toEqual(['gamma', 'beta', 'alpha'])
    for (const meta of index.posts) expect(meta.hash).toMatch(/^[0-9a-f]{16}$/)
    expect([...bodies.keys()].filter((key) => key.startsWith('post:')).sort()).toEqual(index.posts.map((p) => `post:${p.slug}:${p.hash}`).sort())
    expect(bodies.get(`post:alpha:${index.posts[2]!.hash}`)).toBe('<p>Text of alpha.</p>\n')
  })
  it('stores the confusables table the Worker folds names with, under a key that hashes it, named by the index', () => {
    const { index, bodies } = remote(base)
    expect(index.confusables).toMatch(/^confusables:[0-9a-f]{16}$/)
    const table = JSON.parse(bodies.get(index.confusables!)!) as Record<string, string>
    expect(table['\u0430']).toBe('a')
    expect([...bodies.keys()].filter((key) => !key.startsWith('post:'))).toEqual([index.confusables])
  })
  it('stores each post rendered by the post renderer, in its language, with its media sizes', () => {
    const parsed = content({ ...base, alpha: 'title: Alpha\ndate: 2026-01-01\nlang: fr' })
    parsed.posts.find((post) => post.meta.slug === 'alpha')!.markdown = '## Titre\n\n![Une figure](/media/f.png)[^1]\n\n[^1]: Note.'
    parsed.posts.find((post) => post.meta.slug === 'alpha')!.images = ['/media/f.png']
    const { index, bodies } = buildIndex({ ...parsed, media: { '/media/f.png': { width: 30, height: 20 } } }, { drafts: false })
    const html = bodies.get(`post:alpha:${index.posts.find((p) => p.slug === 'alpha')!.hash}`)!
    expect(html).toContain('<h2 id="titre">Titre</h2><a class="anchor" href="#titre" aria-label="Lien vers la section «\u00a0Titre\u00a0»">#</a>')
    expect(html).toContain('<img src="/media/f.png" alt="Une figure" width="30" height="20" decoding="async">')
    expect(html).toContain('<h2 id="footnote-label">Notes</h2>')
  })
  it('gives every post a new hash, so a new KV key, when the renderer’s version changes', () => {
    const now = remote(base).index.posts
    const upgraded = buildIndex(content(base), { drafts: false, renderVersion: 1000 }).index.posts
    expect(upgraded.map((p) => p.slug)).toEqual(now.map((p) => p.slug))
    for (const [i, meta] of upgraded.entries()) expect(meta.hash).not.toBe(now[i]!.hash)
  })
  it('is deterministic: the same content gives the same hashes and version', () => {
    expect(local(base).index).toEqual(local(base).index)
  })
  it('leaves drafts out of a remote index and its bodies, and keeps them locally', () => {
    const { index, bodies } = remote(base)
    expect(index.posts.map((p) => p.slug)).toEqual(['beta', 'alpha'])
    expect([...bodies.keys()].some((key) => key.startsWith('post:gamma:'))).toBe(false)
    expect(local(base).index.posts.some((p) => p.slug === 'gamma' && p.draft)).toBe(true)
  })
  it('changes the version when the site config changes, but not the post hashes', () => {
    const before = remote(base)
    const after = remote(base, 'timeZone: Europe/Paris\ntitle: Renamed')
    expect(after.index.version).not.toBe(before.index.version)
    expect(after.index.posts.map((p) => p.hash)).toEqual(before.index.posts.map((p) => p.hash))
  })
  it('changes a post hash when its dates move with the site time zone', () => {
    const paris = remote(base).index.posts[0]!
    const tokyo = remote(base, 'timeZone: Asia/Tokyo').index.posts[0]!
    expect(tokyo.date).not.toBe(paris.date)
    expect(tokyo.hash).not.toBe(paris.hash)
  })
})

describe('planPublish', () => {
  it('writes every body and purges everything on the first publish', () => {
    const next = remote(base)
    const plan = planPublish(null, next)
    expect(plan.unchanged).toBe(false)
    expect(plan.added).toEqual(['beta', 'alpha'])
    expect(plan.puts.map((p) => p.key).sort()).toEqual([...next.bodies.keys(), 'post-copy:alpha', 'post-copy:beta'].sort())
    expect(plan.deletes).toEqual([])
    expect(plan.purgeTags).toEqual(['list', 'post:alpha', 'post:beta', 'tag:café', 'tag:news'])
  })
  it('writes beside each body the copy its page reads with the index: the hash, a newline, the same HTML', () => {
    const next = remote(base)
    const copies = planPublish(null, next).puts.filter((put) => put.key.startsWith('post-copy:'))
    for (const meta of next.index.posts) {
      const copy = copies.find((put) => put.key === `post-copy:${meta.slug}`)!
      expect(copy.value).toBe(`${meta.hash}\n${next.bodies.get(`post:${meta.slug}:${meta.hash}`)}`)
      expect(postCopyHtml(copy.value, meta.hash)).toBe(next.bodies.get(`post:${meta.slug}:${meta.hash}`))
      expect(postCopyHtml(copy.value, 'another-hash')).toBeUndefined()
    }
  })
  it('writes every copy over an index written before copies, and nothing else, with no purge', () => {
    const { postCopies: _none, ...older } = remote(base).index
    const next = remote(base)
    const plan = planPublish({ ...older, version: 'before-copies' }, next)
    expect(plan.unchanged).toBe(false)
    expect(plan.puts.map((put) => put.key).sort()).toEqual(['post-copy:alpha', 'post-copy:beta'])
    expect(plan).toMatchObject({ deletes: [], purgeTags: [], changed: [], added: [], removed: [] })
    expect(planPublish(next.index, remote(base))).toMatchObject({ unchanged: true, puts: [] })
  })
  it('gives a post whose slug is too long for a KV key no copy: its page reads the body the index names', () => {
    const long = 'l'.repeat(151)
    const next = remote({ ...base, [long]: 'title: Long\ndate: 2026-01-02' })
    expect(next.index.posts.some((meta) => meta.slug === long)).toBe(true)
    expect(planPublish(null, next).puts.filter((put) => put.key.includes(long)).map((put) => put.key)).toEqual([
      `post:${long}:${next.index.posts.find((meta) => meta.slug === long)!.hash}`,
    ])
  })
  it('writes and purges nothing when nothing changed', () => {
    const plan = planPublish(remote(base).index, remote(base))
    expect(plan).toMatchObject({ unchanged: true, puts: [], deletes: [], purgeTags: [], added: [], changed: [], removed: [] })
  })
  it('writes only the changed post, deletes its old body, and purges its pages, old and new tags, and the neighbour that shows its title', () => {
    const before = remote(base).index
    const next = remote({ ...base, alpha: 'title: Alpha 2\ndate: 2026-01-01\ntags: [Écriture, news]' })
    const plan = planPublish(before, next)
    const oldAlpha = before.posts.find((p) => p.slug === 'alpha')!
    const newAlpha = next.index.posts.find((p) => p.slug === 'alpha')!
    expect(plan.changed).toEqual(['alpha'])
    expect(plan.puts.map((p) => p.key)).toEqual([`post:alpha:${newAlpha.hash}`, 'post-copy:alpha'])
    // The copy is the same key, rewritten: only the old content-addressed body goes.
    expect(plan.deletes).toEqual([`post:alpha:${oldAlpha.hash}`])
    expect(plan.purgeTags).toEqual(['list', 'post:alpha', 'post:beta', 'tag:café', 'tag:news', 'tag:écriture'])
    expect(plan.siteChanged).toBe(false)
  })
  it('deletes the body of a removed post and purges its page, the lists, its tags and its neighbour', () => {
    const before = remote(base).index
    const { beta: _beta, ...withoutBeta } = base
    const plan = planPublish(before, remote(withoutBeta))
    expect(plan.removed).toEqual(['beta'])
    expect(plan.puts).toEqual([])
    expect(plan.deletes).toEqual([`post:beta:${before.posts.find((p) => p.slug === 'beta')!.hash}`, 'post-copy:beta'])
    expect(plan.purgeTags).toEqual(['list', 'post:alpha', 'post:beta', 'tag:news'])
  })
  it('never uploads a draft remotely, even when it changes', () => {
    const before = remote(base).index
    const plan = planPublish(before, remote({ ...base, gamma: 'title: Gamma edited\ndate: 2026-03-01\ndraft: true' }))
    expect(plan.unchanged).toBe(true)
    expect(plan.puts).toEqual([])
  })
  it('locally, purges a changed draft page without purging the lists it is not in', () => {
    const before = local(base).index
    const plan = planPublish(before, local({ ...base, gamma: 'title: Gamma edited\ndate: 2026-03-01\ndraft: true\ntags: [secret]' }))
    expect(plan.changed).toEqual(['gamma'])
    expect(plan.purgeTags).toEqual(['post:gamma', 'tag:secret'])
  })
  it('purges every post, list and tag page when site.yaml changes, and rewrites no body', () => {
    const before = remote(base).index
    const plan = planPublish(before, remote(base, 'timeZone: Europe/Paris\ntitle: Renamed'))
    expect(plan).toMatchObject({ siteChanged: true, puts: [], deletes: [], changed: [] })
    expect(plan.purgeTags).toEqual(['list', 'post:alpha', 'post:beta', 'tag:café', 'tag:news'])
  })
  it('rewrites, deletes and purges every post after a renderer upgrade, as npm start and deploy publish', () => {
    const before = buildIndex(content(base), { drafts: false, renderVersion: 0 }).index
    const next = remote(base)
    const plan = planPublish(before, next)
    expect(plan.unchanged).toBe(false)
    expect(plan.changed.sort()).toEqual(['alpha', 'beta'])
    // The confusables table is the same: it stays, under its key.
    const bodies = plan.puts.filter((put) => !put.key.startsWith('post-copy:'))
    expect(bodies.map((put) => put.key).sort()).toEqual([...next.bodies.keys()].filter((key) => key !== next.index.confusables).sort())
    expect(bodies.every((put) => put.value === next.bodies.get(put.key))).toBe(true)
    expect(plan.puts.filter((put) => put.key.startsWith('post-copy:')).map((put) => put.key).sort()).toEqual(['post-copy:alpha', 'post-copy:beta'])
    expect(plan.deletes.sort()).toEqual(before.posts.map((p) => `post:${p.slug}:${p.hash}`).sort())
    expect(plan.purgeTags).toEqual(['list', 'post:alpha', 'post:beta', 'tag:café', 'tag:news'])
  })
  it('publishes the confusables table over an index written before it, and purges nothing for it', () => {
    const { confusables: _none, ...older } = remote(base).index
    const next = remote(base)
    const plan = planPublish({ ...older, version: 'before-the-table' }, next)
    expect(plan.unchanged).toBe(false)
    expect(plan.puts.map((put) => put.key)).toEqual([next.index.confusables])
    expect(plan).toMatchObject({ deletes: [], purgeTags: [], changed: [], added: [], removed: [] })
    expect(planPublish(next.index, remote(base))).toMatchObject({ unchanged: true, puts: [] })
  })
  it('purges the tag pages of a published draft (it joins the lists) and the post it follows', () => {
    const before = remote(base).index
    const plan = planPublish(before, remote({ ...base, gamma: 'title: Gamma\ndate: 2026-03-01\ntags: [secret]' }))
    expect(plan.added).toEqual(['gamma'])
    expect(plan.purgeTags).toEqual(['list', 'post:beta', 'post:gamma', 'tag:secret'])
  })
})
