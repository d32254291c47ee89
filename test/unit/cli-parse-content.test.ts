import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readContentFiles, type ContentFiles } from '../../src/cli/content-files'
import { parseContent, type ParseResult } from '../../src/cli/parse-content'
import { DEFAULT_SITE } from '../../src/content/site-defaults'
import { FIXTURE, FIXTURE_CONTENT_DIR } from '../fixtures/site'

const root = path.resolve(import.meta.dirname, '../..')
const fixture = (name: string) => readContentFiles(path.join(root, 'test/fixtures/content-files', name), 'content')

function errorsOf(result: ParseResult): string[] {
  if (result.ok) throw new Error('expected the content to be refused')
  return result.errors
}

function post(name: string, frontMatter: string, body = 'Some text.'): { path: string; text: string } {
  return { path: `content/posts/${name}`, text: `---\n${frontMatter}\n---\n\n${body}\n` }
}

function files(posts: ContentFiles['posts'], site: string | null = null, media: string[] = []): ContentFiles {
  return { site: site === null ? null : { path: 'content/site.yaml', text: site }, posts, media, ignored: [] }
}

describe('parseContent on bad fixture trees', () => {
  it('names the file and the field when the title is missing', async () => {
    expect(errorsOf(parseContent(await fixture('missing-title')))).toEqual([
      'content/posts/untitled.md: title: is missing (every post needs a title: add "title: ...")',
    ])
  })
  it('says how to write a date it cannot read', async () => {
    expect(errorsOf(parseContent(await fixture('bad-date')))).toEqual([
      'content/posts/hello.md: date: "next tuesday" is not a date (use YYYY-MM-DD or an ISO 8601 date-time)',
    ])
  })
  it('names both files that claim one slug', async () => {
    const [error, ...rest] = errorsOf(parseContent(await fixture('duplicate-slug')))
    expect(rest).toEqual([])
    expect(error).toMatch(/^content\/posts\/hello\.md: slug: "hello" is already used by content\/posts\/hello-again\.md/)
  })
  it('refuses an unknown front matter key and lists the allowed ones', async () => {
    expect(errorsOf(parseContent(await fixture('unknown-key')))).toEqual([
      'content/posts/typo.md: tag: unknown key (allowed: title, date, updated, tags, summary, draft, lang, slug, image, comments, translations, closeAfterDays)',
    ])
  })
  it('reports invalid YAML with its line in the file', async () => {
    const errors = errorsOf(parseContent(await fixture('invalid-yaml')))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^content\/posts\/broken\.md: invalid YAML at line [45]: /)
  })
  it('reports every problem of a bad site.yaml, and nothing about the valid post', async () => {
    expect(errorsOf(parseContent(await fixture('bad-site')))).toEqual([
      'content/site.yaml: timeZone: "Mars/Olympus_Mons" is not an IANA time zone (use a name such as Europe/Paris, America/New_York or UTC)',
      'content/site.yaml: baseUrl: "example.com" is not an absolute http(s) URL (write it like https://blog.example.com)',
      'content/site.yaml: comments.moderation: "sometimes" must be one of all, first-time, hold',
      'content/site.yaml: colour: unknown key (allowed: title, description, author, language, timeZone, baseUrl, postsPerPage, cacheMaxAge, comments, email, menu, logo, accent, footer, social, embeds)',
    ])
  })
})

describe('parseContent on a valid tree', () => {
  it('reads dates in the site time zone and fills the defaults', async () => {
    const result = parseContent(await fixture('valid'))
    if (!result.ok) throw new Error(result.errors.join('\n'))
    expect(result.warnings).toEqual([])
    expect(result.content.site).toMatchObject({ title: 'Valid', timeZone: 'Asia/Tokyo', baseUrl: 'https://blog.example', postsPerPage: DEFAULT_SITE.postsPerPage })
    const bySlug = Object.fromEntries(result.content.posts.map((p) => [p.meta.slug, p.meta]))
    expect(bySlug.first).toMatchObject({ date: '2026-03-13T15:00:00.000Z', tags: ['Café', 'news'], draft: false, comments: true, image: '/media/cover.svg' })
    expect(bySlug.second).toMatchObject({ date: '2026-03-16T09:00:00.000Z', updated: '2026-03-16T15:00:00.000Z', summary: 'Written by hand.', comments: false })
    expect(bySlug.brouillon).toMatchObject({ date: '2026-03-20T09:00:00.000Z', draft: true, lang: 'fr', summary: 'Pas encore prêt.' })
  })
})

describe('parseContent in memory', () => {
  it('prints every problem of every file, not just the first', () => {
    const errors = errorsOf(parseContent(files([
      post('a.md', 'date: 2026-01-01'),
      post('b.md', 'title: B\ndate: 2026-02-30\ndraft: yes\ntags: news'),
      post('c.md', 'title: 1984\ndate: 2026-01-01\nlang: french\nslug: Big Brother'),
    ])))
    expect(errors).toEqual([
      'content/posts/a.md: title: is missing (every post needs a title: add "title: ...")',
      'content/posts/b.md: date: "2026-02-30" is not a date (use YYYY-MM-DD or an ISO 8601 date-time)',
      'content/posts/b.md: tags: must be a list, e.g. [travel, cuisine], not "news"',
      'content/posts/b.md: draft: must be true or false, not "yes"',
      'content/posts/c.md: title: 1984 must be text (put it in quotes)',
      'content/posts/c.md: lang: "french" is not a language tag (use a BCP 47 tag such as en, fr or pt-BR)',
      'content/posts/c.md: slug: "Big Brother" is not a valid slug (use "big-brother": lowercase letters, digits and -)',
    ])
  })
  it('refuses a file without front matter', () => {
    expect(errorsOf(parseContent(files([{ path: 'content/posts/bare.md', text: '# Just markdown\n' }])))[0]).toMatch(
      /^content\/posts\/bare\.md: no front matter/,
    )
  })
  it('refuses a file name that is not a slug unless slug: is set', () => {
    expect(errorsOf(parseContent(files([post('My Post.md', 'title: T\ndate: 2026-01-01')])))).toEqual([
      'content/posts/My Post.md: the file name is not a valid slug (rename it my-post.md or set slug: in the front matter)',
    ])
    const named = parseContent(files([post('My Post.md', 'title: T\ndate: 2026-01-01\nslug: my-post')]))
    expect(named.ok && named.content.posts[0]!.meta.slug).toBe('my-post')
  })
  it('accepts an accented file name written decomposed (as macOS may) and stores it composed', () => {
    const result = parseContent(files([post('e\u0301te\u0301.md', 'title: Été\ndate: 2026-01-01')]))
    expect(result.ok && result.content.posts[0]!.meta.slug).toBe('été')
  })
  it('refuses a tag with no letter or digit and an image that is not in content/media/', () => {
    expect(errorsOf(parseContent(files([post('a.md', 'title: A\ndate: 2026-01-01\ntags: ["🎉"]'), post('b.md', 'title: B\ndate: 2026-01-01\nimage: /media/missing.png')])))).toEqual([
      'content/posts/a.md: tags[0]: "🎉" has no letter or digit to make the tag\'s URL from',
      'content/posts/b.md: image: "/media/missing.png" is not a file in content/media/ (add the file or fix the path)',
    ])
  })
  it('refuses an unknown key nested in site.yaml and a non-integer number', () => {
    expect(errorsOf(parseContent(files([], 'postsPerPage: 2.5\ncomments:\n  maxDepht: 3')))).toEqual([
      'content/site.yaml: postsPerPage: must be a whole number from 1 to 100',
      'content/site.yaml: comments.maxDepht: unknown key (allowed: moderation, maxDepth, threadsPerPage, maxLinks, hold, block, closeAfterDays, avatars)',
    ])
  })
  it('refuses duplicate keys in YAML rather than keeping the last', () => {
    expect(errorsOf(parseContent(files([post('a.md', 'title: A\ntitle: B\ndate: 2026-01-01')])))[0]).toMatch(
      /^content\/posts\/a\.md: invalid YAML at line 3: Map keys must be unique/,
    )
  })
  it('treats an empty site.yaml as all defaults, and a key with no value as unset', () => {
    const result = parseContent(files([post('a.md', 'title: A\ndate: 2026-01-01\nsummary:\ntags:')], '# nothing yet\n'))
    if (!result.ok) throw new Error(result.errors.join('\n'))
    expect(result.content.site).toEqual(DEFAULT_SITE)
    expect(result.content.posts[0]!.meta).toMatchObject({ tags: [], summary: 'Some text.' })
  })
  it('normalizes the base URL and the time zone name', () => {
    const result = parseContent(files([], 'baseUrl: HTTPS://Blog.Example/notes/\ntimeZone: europe/paris'))
    expect(result.ok && result.content.site).toMatchObject({ baseUrl: 'https://blog.example/notes', timeZone: 'Europe/Paris' })
  })
  it('reads files with a byte order mark and Windows line endings', () => {
    const text = '\uFEFF---\r\ntitle: Windows\r\ndate: 2026-01-01\r\n---\r\n\r\nBody.\r\n'
    const result = parseContent(files([{ path: 'content/posts/win.md', text }]))
    expect(result.ok && result.content.posts[0]!.meta).toMatchObject({ title: 'Windows', summary: 'Body.' })
  })
  it('refuses every image, link and HTML reference to a media file that does not exist (code is not read)', () => {
    const body = [
      '![x](/media/gone.png) ![y](/media/here.png) [the slides](/media/slides%202.pdf)',
      '<figure><img src="/media/photo.jpg" alt=""><img srcset="/media/here.png 1x, /media/big.png 2x" alt=""></figure>',
      '<p>See <a href=\'/media/notes.txt\'>the notes</a>.</p>',
      '```\n![z](/media/in-code.png)\n```',
      '[elsewhere](https://example.com/media/x.png)',
    ].join('\n\n')
    const result = parseContent(files([post('a.md', 'title: A\ndate: 2026-01-01', body)], null, ['/media/here.png']))
    expect(errorsOf(result)).toEqual([
      'content/posts/a.md: the text refers to /media/gone.png, which is not a file in content/media/ (add the file or fix the link)',
      'content/posts/a.md: the text refers to /media/slides 2.pdf, which is not a file in content/media/ (add the file or fix the link)',
      'content/posts/a.md: the text refers to /media/photo.jpg, which is not a file in content/media/ (add the file or fix the link)',
      'content/posts/a.md: the text refers to /media/big.png, which is not a file in content/media/ (add the file or fix the link)',
      'content/posts/a.md: the text refers to /media/notes.txt, which is not a file in content/media/ (add the file or fix the link)',
    ])
  })
  it('accepts media references to files that exist, query and fragment aside, and lists the images', () => {
    const body = '![a](/media/a%20b.png?v=2) [pdf](/media/doc.pdf#page=2) <img src="/media/c.svg">'
    const result = parseContent(files([post('a.md', 'title: A\ndate: 2026-01-01', body)], null, ['/media/a b.png', '/media/doc.pdf', '/media/c.svg']))
    if (!result.ok) throw new Error(result.errors.join('\n'))
    expect(result.content.posts[0]!.images).toEqual(['/media/a b.png', '/media/c.svg'])
  })
  it('reports every problem of one file at once: fields, file name, missing image and body media', () => {
    const result = parseContent(files([
      post('Bad Name.md', 'date: soon\nimage: /media/cover.png', '![x](/media/missing.png)'),
    ]))
    expect(errorsOf(result)).toEqual([
      'content/posts/Bad Name.md: title: is missing (every post needs a title: add "title: ...")',
      'content/posts/Bad Name.md: date: "soon" is not a date (use YYYY-MM-DD or an ISO 8601 date-time)',
      'content/posts/Bad Name.md: the file name is not a valid slug (rename it bad-name.md or set slug: in the front matter)',
      'content/posts/Bad Name.md: image: "/media/cover.png" is not a file in content/media/ (add the file or fix the path)',
      'content/posts/Bad Name.md: the text refers to /media/missing.png, which is not a file in content/media/ (add the file or fix the link)',
    ])
  })
})

describe('the engine’s fixture content (test/fixtures/content/)', () => {
  it('validates without errors or warnings, with a draft, a scheduled post and a French post', async () => {
    const result = parseContent(await readContentFiles(FIXTURE_CONTENT_DIR))
    if (!result.ok) throw new Error(result.errors.join('\n'))
    expect(result.warnings).toEqual([])
    const metas = result.content.posts.map((post) => post.meta)
    const slugs = (test: (meta: (typeof metas)[number]) => boolean) => metas.filter(test).map((meta) => meta.slug)
    expect(slugs((meta) => meta.draft)).toEqual([FIXTURE.draft.slug])
    expect(slugs((meta) => Date.parse(meta.date) > Date.now())).toEqual([FIXTURE.scheduled.slug])
    expect(slugs((meta) => meta.lang === 'fr')).toEqual([FIXTURE.french.slug])
  })
})
