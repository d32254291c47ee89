import { spawnSync } from 'node:child_process'
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseXml } from '@rgrove/parse-xml'
import { XMLParser } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryD1 } from '../../src/cli/backup-d1'
import type { ExportComment } from '../../src/cli/export-d1'
import { buildExportJson } from '../../src/cli/export-json'
import { buildExportData } from '../../src/cli/export-model'
import { runExport } from '../../src/cli/export-run'
import { buildWxr, cdata, wordpressDate } from '../../src/cli/export-wxr'
import type { ParsedPost } from '../../src/cli/parse-content'
import { PROJECT_ROOT } from '../../src/cli/wrangler'
import { runWranglerOrThrow } from '../../src/cli/wrangler-run'
import { DEFAULT_SITE } from '../../src/content/site-defaults'

const LIST = ['item', 'wp:comment', 'wp:commentmeta', 'category', 'wp:tag', 'wp:author']
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => LIST.includes(name) })
/** Strictly parsed first (a forbidden character or a broken CDATA throws), then read as objects. */
const parse = (xml: string) => {
  parseXml(xml)
  return parser.parse(xml).rss.channel
}

const site = { ...DEFAULT_SITE, title: 'Le « blog »', author: 'Ana Autora', timeZone: 'Europe/Paris', baseUrl: 'https://blog.example', language: 'fr' }
const parsed = (slug: string, date: string, extra: Partial<ParsedPost['meta']> = {}): ParsedPost => ({
  file: `posts/${slug}.md`,
  meta: { slug, title: `Titre ${slug}`, date, tags: ['Été', 'web'], summary: 'Résumé', draft: false, comments: true, words: 3, readingMinutes: 1, ...extra },
  markdown: `Corps de ${slug}`,
  images: [],
})
let ids = 0
const comment = (fields: Partial<ExportComment>): ExportComment => ({
  id: ++ids, postSlug: 'réussite', parentId: null, author: 'Léa', email: 'lea@example.com', isAuthor: false, status: 'approved',
  body: 'Un *mot*', html: '<p>Un <em>mot</em></p>\n', notify: null, createdAt: Date.parse('2026-07-01T10:00:00Z'), updatedAt: Date.parse('2026-07-01T10:00:00Z'), ...fields,
})

function sample() {
  ids = 0
  const top = comment({ body: 'Fin ]]> et ]]]]> encore', html: '<p>Fin ]]&gt; et ]]]]&gt; encore</p>' })
  const reply = comment({ parentId: top.id, author: 'Ana Autora', email: null, isAuthor: true, body: 'Réponse 🙂 مرحبا', html: '<p>Réponse 🙂 مرحبا</p>' })
  const deeper = comment({ parentId: reply.id, status: 'pending', author: 'Bad\u0001Char', notify: 'replies' })
  const spam = comment({ status: 'spam', createdAt: Date.parse('2026-01-15T23:30:00Z') })
  const trashed = comment({ status: 'deleted' })
  const orphan = comment({ postSlug: 'disparu' })
  return buildExportData({
    site,
    posts: [parsed('réussite', '2026-03-14T09:00:00.000Z', { updated: '2026-03-20T17:30:00.000Z' }), parsed('brouillon', '2026-01-01T00:00:00.000Z', { draft: true })],
    render: (post) => `<p>${post.markdown}</p>`,
    comments: [orphan, trashed, spam, deeper, reply, top],
    subscriptions: [{ id: 3, email: 'lea@example.com', scope: 'replies', postSlug: 'réussite', commentId: 3, createdAt: 5, confirmedAt: null, addressConfirmedAt: 7 }],
    wordpressIds: new Map([['/posts/r%C3%A9ussite', 123]]),
    now: new Date('2026-12-01T08:00:00Z'),
  })
}

describe('the WXR builder', () => {
  it('splits a ]]> inside CDATA as WordPress does, and drops what XML cannot carry', () => {
    expect(cdata('a]]>b')).toBe('<![CDATA[a]]]]><![CDATA[>b]]>')
    const xml = `<x>${cdata('a]]>b]]]]>c\u0000\uFFFE')}</x>`
    expect(parseXml(xml).root!.text).toBe('a]]>b]]]]>c')
  })

  it('writes WordPress dates: local wall time in the site’s zone beside GMT', () => {
    expect(wordpressDate(Date.parse('2026-07-01T10:00:00Z'), 'Europe/Paris')).toBe('2026-07-01 12:00:00')
    expect(wordpressDate(Date.parse('2026-01-15T23:30:00Z'), 'Europe/Paris')).toBe('2026-01-16 00:30:00')
    expect(wordpressDate(Date.parse('2026-01-15T23:30:00Z'), 'UTC')).toBe('2026-01-15 23:30:00')
  })

  it('writes one item per post, WordPress’s fields, and every comment under its post with its thread and status', () => {
    const channel = parse(buildWxr(sample()))
    expect(channel['wp:wxr_version']).toBe('1.2')
    expect(channel['wp:author'][0]).toMatchObject({ 'wp:author_id': '1', 'wp:author_display_name': 'Ana Autora', 'wp:author_login': 'ana-autora' })
    const [draft, post, orphan] = channel.item
    expect(post).toMatchObject({
      title: 'Titre réussite',
      link: 'https://blog.example/posts/r%C3%A9ussite',
      'wp:post_id': '123',
      'wp:post_name': 'r%c3%a9ussite',
      'wp:post_type': 'post',
      'wp:status': 'publish',
      'wp:post_date': '2026-03-14 10:00:00',
      'wp:post_date_gmt': '2026-03-14 09:00:00',
      'wp:post_modified_gmt': '2026-03-20 17:30:00',
      'content:encoded': '<p>Corps de réussite</p>',
      'excerpt:encoded': 'Résumé',
      'wp:comment_status': 'open',
    })
    expect(post.category.map((c: Record<string, string>) => [c['@domain'], c['@nicename'], c['#text']])).toEqual([['post_tag', '%c3%a9t%c3%a9', 'Été'], ['post_tag', 'web', 'web']])
    expect(draft['wp:status']).toBe('draft')
    // A slug comments name but content/ lacks still carries them, as a draft under its slug.
    expect(orphan).toMatchObject({ title: 'disparu', 'wp:status': 'draft' })
    expect(orphan['wp:comment'].map((c: Record<string, string>) => c['wp:comment_id'])).toEqual(['6'])
    expect(Number(orphan['wp:post_id'])).toBeGreaterThanOrEqual(1_000_000_000)

    const comments = post['wp:comment'] as Record<string, any>[]
    const fields = comments.map((c) => [c['wp:comment_id'], c['wp:comment_parent'], c['wp:comment_approved'], c['wp:comment_user_id'], c['wp:comment_author']])
    expect(fields).toEqual([
      ['1', '0', '1', '0', 'Léa'],
      ['2', '1', '1', '1', 'Ana Autora'],
      ['3', '2', '0', '0', 'BadChar'],
      ['4', '0', 'spam', '0', 'Léa'],
      ['5', '0', 'trash', '0', 'Léa'],
    ])
    expect(comments[0]!['wp:comment_content']).toBe('<p>Fin ]]&gt; et ]]]]&gt; encore</p>')
    expect(comments[0]!['wp:commentmeta'][0]).toEqual({ 'wp:meta_key': 'palabre_markdown', 'wp:meta_value': 'Fin ]]> et ]]]]> encore' })
    expect(comments[1]).toMatchObject({ 'wp:comment_author_email': '', 'wp:comment_content': '<p>Réponse 🙂 مرحبا</p>' })
    expect(comments[2]!['wp:commentmeta'][1]).toEqual({ 'wp:meta_key': 'palabre_notify', 'wp:meta_value': 'replies' })
    expect(comments[3]).toMatchObject({ 'wp:comment_date': '2026-01-16 00:30:00', 'wp:comment_date_gmt': '2026-01-15 23:30:00', 'wp:comment_author_email': 'lea@example.com', 'wp:comment_type': 'comment' })
  })
})

describe('the JSON builder', () => {
  it('keeps every field as stored, with ISO times, the threads by parentId and the subscriptions', () => {
    const json = JSON.parse(buildExportJson(sample()))
    expect(json).toMatchObject({ format: 'palabre-export', version: 1, exportedAt: '2026-12-01T08:00:00.000Z', site: { baseUrl: 'https://blog.example', timeZone: 'Europe/Paris' } })
    expect(json.posts.map((p: { slug: string; status: string }) => [p.slug, p.status])).toEqual([['brouillon', 'draft'], ['réussite', 'publish'], ['disparu', 'draft']])
    expect(json.comments).toHaveLength(6)
    expect(json.comments[0]).toEqual({
      id: 1, postSlug: 'réussite', parentId: null, author: 'Léa', email: 'lea@example.com', isAuthor: false, status: 'approved',
      createdAt: '2026-07-01T10:00:00.000Z', updatedAt: '2026-07-01T10:00:00.000Z', body: 'Fin ]]> et ]]]]> encore', html: '<p>Fin ]]&gt; et ]]]]&gt; encore</p>', notify: null,
    })
    expect(json.comments[1]).toMatchObject({ parentId: 1, isAuthor: true, body: 'Réponse 🙂 مرحبا' })
    expect(json.subscriptions).toEqual([{ id: 3, email: 'lea@example.com', scope: 'replies', postSlug: 'réussite', commentId: 3, createdAt: '1970-01-01T00:00:00.005Z', confirmedAt: null, addressConfirmedAt: '1970-01-01T00:00:00.007Z' }])
  })
})

describe('npm run export', () => {
  it('refuses an unknown format before reading anything', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/export.ts', '--format', 'csv'], { cwd: PROJECT_ROOT, encoding: 'utf8' })
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('--format must be json or wxr')
  })
})

/** The real thing: wrangler against a private copy of the project with the fixture's content/ and comments written by SQL. */
describe('npm run export against the local D1', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'palabre-export-'))
    for (const entry of ['wrangler.toml', 'migrations']) await cp(path.join(PROJECT_ROOT, entry), path.join(dir, entry), { recursive: true })
    await cp(path.join(PROJECT_ROOT, 'test/fixtures/content'), path.join(dir, 'content'), { recursive: true })
    await runWranglerOrThrow(['d1', 'migrations', 'apply', 'DB', '--local'], { cwd: dir })
    const row = (id: number, parent: number | null, author: string, status: string, isAuthor = 0) =>
      `INSERT INTO comments (id, post_slug, parent_id, author_name, author_email, body, body_html, render_version, status, created_at, updated_at, submit_key, is_author) VALUES (${id}, 'lecteurs-qui-répondent', ${parent ?? 'NULL'}, '${author}', '${author.toLowerCase()}@example.com', 'Texte ]]> de ${author}', '<p>Texte ]]&gt; de ${author}</p>', 2, '${status}', ${1_700_000_000_000 + id}, ${1_700_000_000_000 + id}, 'k${id}', ${isAuthor})`
    await queryD1(
      [
        row(1234, null, 'Zoé', 'approved'),
        row(1235, 1234, 'Test Author', 'approved', 1),
        row(1236, 1235, 'Bob', 'pending'),
        row(1237, null, 'Spam', 'spam'),
        "INSERT INTO notify_addresses (id, email, created_at, confirmed_at) VALUES (1, 'zoé@example.com', 1, 2)",
        "INSERT INTO notify_subscriptions (address_id, scope, post_slug, comment_id, created_at, confirmed_at) VALUES (1, 'replies', 'lecteurs-qui-répondent', 1234, 3, 4)",
      ].join('; '),
      { local: true, cwd: dir },
    )
  }, 180_000)
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('writes every comment with its thread, status and author as WXR, atomically, and the subscriptions as JSON', async () => {
    const quiet = { info() {}, warn() {}, error() {} }
    const report = await runExport({ local: true, format: 'wxr', out: 'out/site.xml', cwd: dir }, quiet)
    expect(report).toMatchObject({ file: path.join(dir, 'out/site.xml'), comments: 4, subscriptions: 1 })
    expect(await readdir(path.join(dir, 'out'))).toEqual(['site.xml'])
    const channel = parse(await readFile(report.file!, 'utf8'))
    const post = channel.item.find((item: Record<string, string>) => item['wp:post_name'] === 'lecteurs-qui-r%c3%a9pondent')
    expect(post['wp:comment'].map((c: Record<string, string>) => [c['wp:comment_id'], c['wp:comment_parent'], c['wp:comment_approved'], c['wp:comment_user_id']])).toEqual([
      ['1234', '0', '1', '0'],
      ['1235', '1234', '1', '1'],
      ['1236', '1235', '0', '0'],
      ['1237', '0', 'spam', '0'],
    ])
    expect(post['content:encoded']).toContain('<p>')

    const json = await runExport({ local: true, format: 'json', out: 'out/site.json', cwd: dir }, quiet)
    const data = JSON.parse(await readFile(json.file!, 'utf8'))
    expect(data.subscriptions).toEqual([expect.objectContaining({ email: 'zoé@example.com', scope: 'replies', commentId: 1234 })])
    expect(data.comments.map((c: { author: string; body: string }) => c.body)).toContain('Texte ]]> de Zoé')
  }, 180_000)
})
