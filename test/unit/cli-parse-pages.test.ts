import { describe, expect, it } from 'vitest'
import { buildIndex } from '../../src/cli/build-index'
import type { ContentFiles } from '../../src/cli/content-files'
import { parseContent, type ParseResult } from '../../src/cli/parse-content'
import { planPublish } from '../../src/cli/plan'
import { buildNavigation } from '../../src/content/navigation'
import { describeIssues, siteSchema } from '../../src/content/schema'
import { pageSchema } from '../../src/content/schema-pages'

type Files = Record<string, string>

/** parseContent of posts and pages (file name → front matter lines) and a site.yaml. */
function parse(posts: Files, pages: Files, site = 'timeZone: Europe/Paris'): ParseResult {
  const md = (folder: string, files: Files) =>
    Object.entries(files).map(([name, fm]) => ({ path: `content/${folder}/${name}.md`, text: `---\n${fm}\n---\n\nText of ${name}.\n` }))
  const files: ContentFiles = { site: { path: 'content/site.yaml', text: site }, posts: md('posts', posts), pages: md('pages', pages), media: [], ignored: [] }
  return parseContent(files)
}
const errors = (result: ParseResult) => (result.ok ? [] : result.errors)
const content = (result: ParseResult) => {
  if (!result.ok) throw new Error(result.errors.join('\n'))
  return result.content
}

const POST = 'title: A post\ndate: 2026-01-01'

describe('pageSchema', () => {
  it('needs only a title, takes no comments and no menu place by default', () => {
    expect(pageSchema.parse({ title: ' About ' })).toEqual({ title: 'About', draft: false, comments: false })
    expect(pageSchema.parse({ title: 'About', menu: 2, comments: true, lang: 'FR', summary: 'S' })).toEqual({
      title: 'About', menu: 2, comments: true, draft: false, lang: 'fr', summary: 'S',
    })
  })
  it('refuses a post’s keys, a menu that is no number, and says what is allowed', () => {
    const result = pageSchema.safeParse({ title: 'About', date: '2026-01-01', menu: 'first' })
    expect(result.success || describeIssues('content/pages/about.md', 'page', result.error)).toEqual([
      'content/pages/about.md: menu: must be a number, the page\'s place in the navigation (e.g. menu: 1), not "first"',
      'content/pages/about.md: date: unknown key (allowed: title, summary, lang, draft, comments, menu)',
    ])
  })
})

describe('site.yaml menu', () => {
  it('takes links to root paths and absolute http(s) URLs', () => {
    const menu = [{ title: 'Feed', url: '/feed.xml' }, { title: 'Elsewhere', url: 'https://elsewhere.example/x' }]
    expect(siteSchema.parse({ menu }).menu).toEqual(menu)
  })
  it('names the file, the item and the field of every bad link', () => {
    const result = siteSchema.safeParse({
      menu: [{ title: 'Evil', url: 'javascript:alert(1)' }, { titel: 'Typo', url: '/x' }, { title: 'Host', url: '//evil.example' }],
    })
    expect(result.success || describeIssues('content/site.yaml', 'site', result.error)).toEqual([
      'content/site.yaml: menu[0].url: "javascript:alert(1)" must be a root path such as /archive or an absolute http(s) URL',
      'content/site.yaml: menu[1].title: is missing (every menu link needs a title: add "title: ...")',
      'content/site.yaml: menu[1].titel: unknown key (allowed: title, url)',
      'content/site.yaml: menu[2].url: "//evil.example" must be a root path such as /archive or an absolute http(s) URL',
    ])
  })
  it('refuses a menu that is not a list', () => {
    const result = siteSchema.safeParse({ menu: { title: 'x' } })
    expect(result.success || describeIssues('site.yaml', 'site', result.error)).toEqual([
      'site.yaml: menu: must be a list of links, e.g. [{title: Newsletter, url: https://example.com}], not a mapping',
    ])
  })
})

describe('parseContent of pages', () => {
  it('reads pages beside posts, with a summary from the text', () => {
    const { pages } = content(parse({ hello: POST }, { about: 'title: About\nmenu: 1' }))
    expect(pages?.map((page) => page.meta)).toEqual([{ slug: 'about', title: 'About', summary: 'Text of about.', draft: false, comments: false, menu: 1 }])
  })
  it('refuses a page slug that a route, a post or a missing title makes a problem, naming each file', () => {
    expect(errors(parse({ about: POST }, { about: 'title: About', archive: 'title: Archive', admin: 'title: Admin', search: 'summary: no title' }))).toEqual([
      'content/pages/about.md: slug: "about" is the slug of the post content/posts/about.md (comments are kept by slug, so pages and posts need different ones): rename the file',
      'content/pages/archive.md: slug: "archive" is an address of the site itself (/archive): rename the file',
      'content/pages/admin.md: slug: "admin" is an address of the site itself (/admin): rename the file',
      'content/pages/search.md: title: is missing (every page needs a title: add "title: ...")',
      'content/pages/search.md: slug: "search" is an address of the site itself (/search): rename the file',
    ])
  })
  it('publishes a page that asks for comments with comments: true, and one that does not with false', () => {
    const { pages } = content(parse({}, { guestbook: 'title: Guestbook\ncomments: true', about: 'title: About' }))
    expect(pages?.map((page) => [page.meta.slug, page.meta.comments])).toEqual([['guestbook', true], ['about', false]])
    const result = parse({}, { guestbook: 'title: Guestbook\ncomments: true' })
    expect(result.ok && result.warnings).toEqual([])
  })
  it('refuses a page that takes comments under a post\'s slug, naming both files: one thread key, one discussion', () => {
    expect(errors(parse({ guestbook: POST }, { guestbook: 'title: Guestbook\ncomments: true' }))).toEqual([
      'content/pages/guestbook.md: slug: "guestbook" is the slug of the post content/posts/guestbook.md (comments are kept by slug, so pages and posts need different ones): rename the file',
    ])
  })
  it('refuses comments: that is not a boolean', () => {
    expect(errors(parse({}, { guestbook: 'title: Guestbook\ncomments: maybe' }))[0]).toMatch(/^content\/pages\/guestbook\.md: comments: /)
  })
  it('refuses a post slug set with slug: that a page has too', () => {
    expect(errors(parse({ hello: `${POST}\nslug: about` }, { about: 'title: About' }))).toEqual([
      'content/pages/about.md: slug: "about" is the slug of the post content/posts/hello.md (comments are kept by slug, so pages and posts need different ones): rename the file',
    ])
  })
})

describe('translations', () => {
  const fr = (fm: string) => `title: Bonjour\ndate: 2026-01-02\nlang: fr\n${fm}`
  it('accepts two posts that name each other', () => {
    const { posts } = content(parse({ hello: `${POST}\ntranslations: {fr: bonjour}`, bonjour: fr('translations: {en: hello}') }, {}))
    expect(posts.map((post) => post.meta.translations)).toEqual([{ fr: 'bonjour' }, { en: 'hello' }])
  })
  it('refuses a missing, a one-sided, a mislabelled or a self translation, naming the file and the language', () => {
    expect(errors(parse({ hello: `${POST}\ntranslations: {fr: bonjour, de: hallo, EN: hello}`, bonjour: fr('') }, {}))).toEqual([
      'content/posts/hello.md: translations.fr: content/posts/bonjour.md does not name this post back (add translations: {en: hello} to it)',
      'content/posts/hello.md: translations.de: no post has the slug "hallo" (fix the slug or write that post)',
      'content/posts/hello.md: translations.en: this post is itself in en (name posts in other languages only)',
    ])
    expect(errors(parse({ hello: `${POST}\ntranslations: {es: bonjour}`, bonjour: fr('translations: {en: hello}') }, {}))).toEqual([
      'content/posts/hello.md: translations.es: content/posts/bonjour.md is in fr, not es (set lang: es there, or fix the language here)',
      'content/posts/bonjour.md: translations.en: content/posts/hello.md does not name this post back (add translations: {fr: bonjour} to it)',
    ])
  })
  it('refuses translations that are not a mapping of language tags to slugs', () => {
    expect(errors(parse({ hello: `${POST}\ntranslations: [fr]` }, {}))[0]).toBe(
      'content/posts/hello.md: translations: must be a mapping of languages to slugs, e.g. {en: my-post}, not a list',
    )
    expect(errors(parse({ hello: `${POST}\ntranslations: {"not a tag": x}` }, {}))[0]).toBe(
      'content/posts/hello.md: translations.not a tag: "not a tag" is not a language tag (use a BCP 47 tag such as en or fr)',
    )
  })
})

describe('buildNavigation', () => {
  it('lists the menu pages by number, then title, leaving drafts and unnumbered pages out, then the site’s links', () => {
    const page = (slug: string, menu?: number, draft = false) => ({ slug, title: slug.toUpperCase(), menu, draft })
    const nav = buildNavigation([page('zeta', 1), page('about', 2), page('alpha', 1), page('hidden'), page('wip', 0, true), page('à-propos', 3)], [
      { title: 'Feed', url: '/feed.xml' },
    ])
    expect(nav).toEqual([
      { title: 'ALPHA', url: '/alpha' },
      { title: 'ZETA', url: '/zeta' },
      { title: 'ABOUT', url: '/about' },
      { title: 'À-PROPOS', url: '/%C3%A0-propos' },
      { title: 'Feed', url: '/feed.xml' },
    ])
  })
})

describe('publishing pages', () => {
  const remote = (posts: Files, pages: Files, site?: string) => buildIndex(content(parse(posts, pages, site)), { drafts: false })
  const base = { hello: POST }
  it('stores each page body under page:<slug>:<hash>, drafts only locally, and resolves the menu into the site', () => {
    const pages = { about: 'title: About\nmenu: 1', wip: 'title: WIP\ndraft: true\nmenu: 2' }
    const { index, bodies } = remote(base, pages, 'menu: [{title: Feed, url: /feed.xml}]')
    expect(index.pages?.map((page) => page.slug)).toEqual(['about'])
    expect(bodies.get(`page:about:${index.pages![0]!.hash}`)).toBe('<p>Text of about.</p>\n')
    expect(index.site.menu).toEqual([{ title: 'About', url: '/about' }, { title: 'Feed', url: '/feed.xml' }])
    const local = buildIndex(content(parse(base, pages)), { drafts: true })
    expect(local.index.pages?.map((page) => page.slug)).toEqual(['about', 'wip'])
    expect(local.index.site.menu).toEqual([{ title: 'About', url: '/about' }])
  })
  it('leaves the index as it was without pages', () => {
    expect(remote(base, {}).index).not.toHaveProperty('pages')
    expect(remote(base, {}).index.site).not.toHaveProperty('menu')
  })
  it('writes a new page, purges it and the sitemap’s list, and deletes the body of a removed one', () => {
    const before = remote(base, { about: 'title: About' })
    const next = remote(base, { about: 'title: About', colophon: 'title: Colophon' })
    const plan = planPublish(before.index, next)
    expect(plan.pages).toEqual({ added: ['colophon'], changed: [], removed: [] })
    expect(plan.puts.map((put) => put.key)).toEqual([`page:colophon:${next.index.pages![1]!.hash}`])
    expect(plan.purgeTags).toEqual(['list', 'page:colophon'])
    const removed = planPublish(next.index, before)
    expect(removed.deletes).toEqual([`page:colophon:${next.index.pages![1]!.hash}`])
    expect(removed.purgeTags).toEqual(['list', 'page:colophon'])
  })
  it('purges every page when a page joins the navigation, which every page shows', () => {
    const before = remote(base, { about: 'title: About' })
    const plan = planPublish(before.index, remote(base, { about: 'title: About\nmenu: 1' }))
    expect(plan.siteChanged).toBe(true)
    expect(plan.purgeTags).toEqual(['list', 'page:about', 'post:hello'])
  })
  it('purges a translation’s page when the post it links to is retitled, and not the other posts', () => {
    const posts = {
      hello: `${POST}\ntranslations: {fr: bonjour}`,
      bonjour: 'title: Bonjour\ndate: 2025-06-01\nlang: fr\ntranslations: {en: hello}',
      far: 'title: Far\ndate: 2024-01-01',
      farther: 'title: Farther\ndate: 2023-01-01',
    }
    const before = remote(posts, {})
    const plan = planPublish(before.index, remote({ ...posts, bonjour: posts.bonjour.replace('Bonjour', 'Salut') }, {}))
    // hello links to it as its translation, far as its newer neighbour; farther shows nothing of it.
    expect(plan.purgeTags).toEqual(['list', 'post:bonjour', 'post:far', 'post:hello'])
  })
  it('does not purge the neighbours of a post whose text alone changed', () => {
    const posts = { a: 'title: A\ndate: 2026-01-01', b: 'title: B\ndate: 2026-02-01' }
    const before = remote(posts, {})
    const next = buildIndex(content(parse(posts, {})), { drafts: false })
    next.index.posts[0]!.hash = 'other'
    expect(planPublish(before.index, { ...next, index: { ...next.index, version: 'x' } }).purgeTags).toEqual(['list', 'post:b'])
  })
})
