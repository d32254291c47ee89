import { describe, expect, it } from 'vitest'
import { DEFAULT_SITE } from '../../src/content/site-defaults'
import type { SiteConfig } from '../../src/content/types'
import { renderPostPage } from '../../src/views/render'
import { postMeta } from '../fixtures/content'

const site: SiteConfig = { ...DEFAULT_SITE, baseUrl: 'https://blog.example', timeZone: 'Europe/Paris' }
const meta = (html: string) => /<p class="meta"><span>(.*?)<\/span>/s.exec(html)?.[1]?.replace(/<[^>]+>/g, '')

describe('the date line of a post page', () => {
  it('says "Published" on a public post', () => {
    const post = postMeta({ slug: 'out', title: 'Out', date: '2026-03-14T12:00:00Z' })
    expect(meta(renderPostPage(site, post))).toBe('Published March 14, 2026')
  })

  it('says a draft is a draft in its preview, in English and French', () => {
    const draft = postMeta({ slug: 'wip', title: 'WIP', date: '2026-03-14T12:00:00Z', draft: true })
    expect(meta(renderPostPage(site, draft, { preview: true }))).toBe('Draft, dated March 14, 2026')
    expect(meta(renderPostPage({ ...site, language: 'fr' }, draft, { preview: true }))).toBe('Brouillon daté du 14 mars 2026')
  })

  it('says when a scheduled post will appear in its preview, in English and French', () => {
    const later = postMeta({ slug: 'later', title: 'Later', date: '2031-06-01T08:00:00Z' })
    expect(meta(renderPostPage(site, later, { preview: true }))).toBe('Scheduled for June 1, 2031')
    expect(meta(renderPostPage({ ...site, language: 'fr' }, later, { preview: true }))).toBe('Programmé pour le 1 juin 2031')
  })
})

describe('a post written in a language Palabre has no strings for', () => {
  const post = postMeta({ slug: 'reise', title: 'Die Reise', date: '2026-03-14T12:00:00Z', lang: 'de', markdown: 'Der Zug fährt ab.' })
  const html = renderPostPage({ ...site, language: 'fr' }, post)

  it('is framed in the site’s language, not in English', () => {
    expect(html.startsWith('<!DOCTYPE html><html lang="fr">')).toBe(true)
    expect(meta(html)).toBe('Publié le 14 mars 2026')
  })

  it('marks its title and text with their own language', () => {
    expect(html).toContain('<h1 lang="de">Die Reise</h1>')
    expect(html).toMatch(/<div class="post-body" lang="de"><p>Der Zug fährt ab.<\/p>/)
  })

  it('keeps the post’s own language when Palabre has strings for it', () => {
    const french = renderPostPage(site, { ...post, lang: 'fr-CA', title: 'Le voyage' })
    expect(french.startsWith('<!DOCTYPE html><html lang="fr-CA">')).toBe(true)
    expect(french).toContain('<h1>Le voyage</h1>')
  })
})
