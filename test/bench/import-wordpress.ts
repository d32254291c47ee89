/**
 * `npm run bench:import`: imports a generated WordPress export of 10,000 comments (BENCH_COMMENTS)
 * on 20 posts, threaded up to five deep, into a fresh local blog (a private copy of the project
 * with the fixture content, its own .wrangler/state), and prints how long each step took. Then
 * imports it again, which must add nothing.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { importWordPress } from '../../src/cli/import/run'
import { runWranglerOrThrow } from '../../src/cli/wrangler-run'

const root = path.resolve(import.meta.dirname, '../..')
const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 10_000)
const POSTS = 20

const cdata = (text: string) => `<![CDATA[${text}]]>`
const date = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ')

/** A WXR 1.2 document as WordPress writes it: POSTS posts and COMMENTS comments among them. */
function generate(): string {
  const start = Date.UTC(2015, 0, 1)
  let id = 100
  const items: string[] = []
  for (let p = 0; p < POSTS; p++) {
    const postId = ++id
    const comments: string[] = []
    const ids: number[] = []
    for (let i = 0; i < COMMENTS / POSTS; i++) {
      const commentId = ++id
      // Every fourth comment answers one of the last few, so threads go several levels deep.
      const parent = i % 4 === 0 || ids.length === 0 ? 0 : ids[Math.max(0, ids.length - 1 - (i % 3))]!
      const at = start + p * 86_400_000 + i * 60_000
      comments.push(`<wp:comment><wp:comment_id>${commentId}</wp:comment_id><wp:comment_author>${cdata(`Reader ${i % 97}`)}</wp:comment_author>
<wp:comment_author_email>${cdata(`reader${i % 97}@example.org`)}</wp:comment_author_email><wp:comment_author_url></wp:comment_author_url>
<wp:comment_author_IP>${cdata('192.0.2.1')}</wp:comment_author_IP><wp:comment_date>${cdata(date(at + 3_600_000))}</wp:comment_date>
<wp:comment_date_gmt>${cdata(date(at))}</wp:comment_date_gmt><wp:comment_content>${cdata(`Comment ${i} with <em>some</em> text, a <a href="https://example.org/${i}">link</a>\nand a second line.`)}</wp:comment_content>
<wp:comment_approved>${cdata(i % 10 === 9 ? '0' : '1')}</wp:comment_approved><wp:comment_type>${cdata('comment')}</wp:comment_type>
<wp:comment_parent>${parent}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>`)
      ids.push(commentId)
    }
    items.push(`<item><title>${cdata(`Post ${p}`)}</title><link>https://bench.example/post-${p}/</link><dc:creator>${cdata('author')}</dc:creator>
<content:encoded>${cdata(`Text of post ${p}.\n\nSecond paragraph.`)}</content:encoded><excerpt:encoded>${cdata('')}</excerpt:encoded>
<wp:post_id>${postId}</wp:post_id><wp:post_date>${cdata(date(start + p * 86_400_000 + 3_600_000))}</wp:post_date><wp:post_date_gmt>${cdata(date(start + p * 86_400_000))}</wp:post_date_gmt>
<wp:comment_status>${cdata('open')}</wp:comment_status><wp:post_name>${cdata(`post-${p}`)}</wp:post_name><wp:status>${cdata('publish')}</wp:status>
<wp:post_parent>0</wp:post_parent><wp:menu_order>0</wp:menu_order><wp:post_type>${cdata('post')}</wp:post_type>${comments.join('\n')}</item>`)
  }
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench</title><link>https://bench.example</link><language>en-US</language><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://bench.example</wp:base_site_url><wp:base_blog_url>https://bench.example</wp:base_blog_url>
${items.join('\n')}
</channel></rss>
`
}

/** A fresh blog: the project's code and config with the fixture content, and no local state yet. */
function freshBlog(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'palabre-bench-import-'))
  for (const name of ['src', 'migrations', 'wrangler.toml', 'package.json']) cpSync(path.join(root, name), path.join(dir, name), { recursive: true })
  cpSync(path.join(root, 'test/fixtures/content'), path.join(dir, 'content'), { recursive: true })
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'))
  return dir
}

async function timed(label: string, run: () => Promise<unknown>): Promise<number> {
  const started = (t0 = performance.now())
  await run()
  const seconds = (performance.now() - started) / 1000
  console.log(`${label}: ${seconds.toFixed(1)} s`)
  return seconds
}

let t0 = performance.now()
const dir = freshBlog()
try {
  const file = path.join(dir, 'export.xml')
  writeFileSync(file, generate())
  mkdirSync(path.join(dir, 'content', 'posts'), { recursive: true })
  const options = { file, contentDir: path.join(dir, 'content'), dryRun: false, target: { local: true, cwd: dir }, progress: (line: string) => console.error(`  … ${((performance.now() - t0) / 1000).toFixed(1)} s: ${line}`) }
  console.log(`${COMMENTS} comments on ${POSTS} posts, into a fresh local blog`)
  await timed('first import (read, plan, migrations, write)', () => importWordPress(options))
  let again = 0
  await timed('the same file again', async () => (again = (await importWordPress(options)).comments.length))
  console.log(`comments written the second time: ${again}`)
  const out = (await runWranglerOrThrow(['d1', 'execute', 'DB', '--local', '--json', '--command', 'SELECT count(*) AS n, count(parent_id) AS replies FROM comments'], { cwd: dir })).stdout
  const [{ results }] = JSON.parse(out.slice(out.indexOf('['))) as [{ results: [{ n: number; replies: number }] }]
  console.log(`stored: ${results[0].n} comments, ${results[0].replies} of them replies`)
  if (results[0].n !== COMMENTS) throw new Error(`expected ${COMMENTS} comments in D1`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
