import { describe, expect, it } from 'vitest'
import { DEFAULT_SITE } from '../../src/content/site-defaults'
import type { SiteConfig } from '../../src/content/types'
import { ErrorPage } from '../../src/views/ErrorPage'
import { NotFoundPage } from '../../src/views/NotFoundPage'
import { renderHomePage, renderPostPage, renderTagPage } from '../../src/views/render'
import { STYLES } from '../../src/views/styles'
import { postMeta } from '../fixtures/content'

const site: SiteConfig = { ...DEFAULT_SITE, title: 'Carnet', baseUrl: 'https://blog.example', timeZone: 'Europe/Paris' }

const jsonLd = (html: string) => {
  const match = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)
  return match ? JSON.parse(match[1] as string) : undefined
}

describe('renderPostPage', () => {
  const post = postMeta({
    slug: 'été-2026',
    title: 'L’été « chaud »',
    date: '2026-03-14T23:30:00Z',
    updated: '2026-03-20T08:00:00Z',
    lang: 'fr',
    tags: ['Voyages', 'Été'],
    image: '/media/plage.jpg',
    summary: 'Un résumé.',
    markdown: '## Départ\n\nLe train part.',
  })
  const html = renderPostPage(site, post)

  it('is a whole HTML document in the post’s language', () => {
    expect(html.startsWith('<!DOCTYPE html><html lang="fr">')).toBe(true)
    expect(html).toContain('<title>L’été « chaud » – Carnet</title>')
  })

  it('has the canonical URL, OpenGraph and Twitter card tags with absolute URLs', () => {
    expect(html).toContain('<link rel="canonical" href="https://blog.example/posts/%C3%A9t%C3%A9-2026"/>')
    expect(html).toContain('<meta property="og:url" content="https://blog.example/posts/%C3%A9t%C3%A9-2026"/>')
    expect(html).toContain('<meta property="og:type" content="article"/>')
    expect(html).toContain('<meta property="og:title" content="L’été « chaud »"/>')
    expect(html).toContain('<meta property="og:description" content="Un résumé."/>')
    expect(html).toContain('<meta property="og:image" content="https://blog.example/media/plage.jpg"/>')
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image"/>')
    expect(html).toContain('<meta name="description" content="Un résumé."/>')
  })

  it('links the feeds and the favicon', () => {
    expect(html).toContain('<link rel="alternate" type="application/atom+xml" href="/feed.xml"')
    expect(html).toContain('<link rel="alternate" type="application/rss+xml" href="/rss.xml"')
    expect(html).toContain('<link rel="icon" href="/media/favicon.svg" type="image/svg+xml"/>')
  })

  it('escapes the site title in the feed links as in every other attribute', () => {
    const quoted = renderPostPage({ ...site, title: 'Tom & "Jerry" <3' }, post)
    expect(quoted).toContain('type="application/atom+xml" href="/feed.xml" title="Tom &amp; &quot;Jerry&quot; &lt;3 (Atom)"/>')
    expect(quoted).toContain('<meta property="og:site_name" content="Tom &amp; &quot;Jerry&quot; &lt;3"/>')
  })

  it('inlines exactly the one stylesheet and uses no inline style attribute or script', () => {
    expect(html).toContain(`<style>${STYLES}</style>`)
    expect(html.match(/<style/g)).toHaveLength(1)
    expect(html).not.toMatch(/\sstyle=/)
    expect(html.match(/<script/g)).toEqual(['<script'])
    expect(html).toContain('<script type="application/ld+json">')
  })

  it('shows the post’s dates in the site’s time zone and its own language', () => {
    expect(html).toContain('Publié le <time datetime="2026-03-14T23:30:00Z">15 mars 2026</time>')
    expect(html).toContain('Mis à jour le <time datetime="2026-03-20T08:00:00Z">20 mars 2026</time>')
    expect(html).toContain('1 minute de lecture')
  })

  it('links its tags to their pages by tag slug', () => {
    expect(html).toContain('<a href="/tags/voyages" rel="tag">Voyages</a>')
    expect(html).toContain('<a href="/tags/%C3%A9t%C3%A9" rel="tag">Été</a>')
  })

  it('renders the body with heading anchors labelled in the post’s language', () => {
    expect(html).toContain('<h2 id="départ">Départ</h2><a class="anchor" href="#départ" aria-label="Lien vers la section')
  })

  it('keeps the site’s header and footer in the site’s language', () => {
    expect(html).toContain('<header class="site-header" lang="en">')
    expect(html).toContain('<a class="skip" href="#main" lang="en">Skip to content</a>')
    expect(html).toContain('<main id="main"')
  })

  it('offers share links with the title and URL encoded, and no third-party script or image', () => {
    const encoded = encodeURIComponent('L’été « chaud » https://blog.example/posts/%C3%A9t%C3%A9-2026')
    expect(html).toContain(`href="https://bsky.app/intent/compose?text=${encoded}"`)
    expect(html).toContain(`href="https://s2f.kytta.dev/?text=${encoded}"`)
    expect(html).toContain(
      `href="https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent('https://blog.example/posts/%C3%A9t%C3%A9-2026')}"`,
    )
    expect(html).toContain(
      `href="mailto:?subject=${encodeURIComponent('L’été « chaud »')}&amp;body=${encodeURIComponent('https://blog.example/posts/%C3%A9t%C3%A9-2026')}"`,
    )
    expect(html).not.toMatch(/<img|<iframe|src=/)
  })

  it('describes the post as a BlogPosting in JSON-LD', () => {
    expect(jsonLd(html)).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'BlogPosting',
      headline: 'L’été « chaud »',
      url: 'https://blog.example/posts/%C3%A9t%C3%A9-2026',
      datePublished: '2026-03-14T23:30:00Z',
      dateModified: '2026-03-20T08:00:00Z',
      inLanguage: 'fr',
      image: 'https://blog.example/media/plage.jpg',
      author: { '@type': 'Person', name: site.author },
    })
  })

  it('escapes the JSON-LD so post text cannot close the script', () => {
    const evil = postMeta({ slug: 'evil', title: '</script><script>alert(1)</script><!--', summary: 'a & b', markdown: 'Text.' })
    const page = renderPostPage(site, evil)
    expect(page.match(/<\/script>/g)).toHaveLength(1)
    expect(page).not.toContain('<script>alert')
    expect(jsonLd(page)).toMatchObject({ headline: evil.title, description: 'a & b' })
  })

  it('puts the discussion in its slot after the article', () => {
    const page = renderPostPage(site, post, { discussion: <section id="discussion">Comments here</section> })
    expect(page).toMatch(/<\/article><section id="discussion">Comments here<\/section><\/main>/)
  })

  it('marks a preview with a banner and keeps it out of search engines', () => {
    const draft = postMeta({ slug: 'draft', title: 'Draft', draft: true })
    const page = renderPostPage(site, draft, { preview: true })
    expect(page).toContain('<p class="banner" role="status">Draft preview: readers cannot see this post.</p>')
    expect(page).toContain('<meta name="robots" content="noindex"/>')
    expect(html).not.toContain('noindex')
    expect(html).not.toContain('class="banner"')
  })

  it('tells the date a scheduled post will appear in its preview banner', () => {
    const later = postMeta({ slug: 'later', title: 'Later', date: '2031-06-01T08:00:00Z' })
    expect(renderPostPage(site, later, { preview: true })).toContain('readers will see this post from June 1, 2031.')
  })

  it('uses the small Twitter card and no og:image when the post has no image', () => {
    const page = renderPostPage(site, postMeta({ slug: 'plain', title: 'Plain' }))
    expect(page).toContain('<meta name="twitter:card" content="summary"/>')
    expect(page).not.toContain('og:image')
  })

  it('keeps an absolute image URL as it is', () => {
    const page = renderPostPage(site, postMeta({ slug: 'cdn', title: 'CDN', image: 'https://cdn.example/a.png' }))
    expect(page).toContain('<meta property="og:image" content="https://cdn.example/a.png"/>')
  })
})

describe('renderHomePage', () => {
  const posts = [
    postMeta({ slug: 'b', title: 'Newer', date: '2026-02-02T10:00:00Z', tags: ['Rust & Go'], readingMinutes: 4 }),
    postMeta({ slug: 'a', title: 'Older', date: '2026-01-01T10:00:00Z', lang: 'fr' }),
  ]

  it('lists the posts it is given in order, with title link, date, reading time, tags and summary', () => {
    const html = renderHomePage({ site, posts, page: 1, totalPages: 1 })
    expect(html.indexOf('Newer')).toBeLessThan(html.indexOf('Older'))
    expect(html).toContain('<a href="/posts/b">Newer</a>')
    expect(html).toContain('<time datetime="2026-02-02T10:00:00Z">February 2, 2026</time>')
    expect(html).toContain('<span>4 minutes read</span>')
    expect(html).toContain('<a href="/tags/rust-go" rel="tag">Rust &amp; Go</a>')
    expect(html).toContain('<p>Summary of Newer.</p>')
    expect(html).toContain('<h2 lang="fr"><a href="/posts/a">Older</a></h2>')
    expect(html).toContain('<link rel="canonical" href="https://blog.example/"/>')
    expect(html).not.toContain('class="pagination"')
  })

  it('links newer and older pages with rel=prev and rel=next', () => {
    const middle = renderHomePage({ site, posts, page: 2, totalPages: 3 })
    expect(middle).toContain('<a class="newer" href="/" rel="prev">')
    expect(middle).toContain('<a class="older" href="/page/3" rel="next">')
    expect(middle).toContain('<title>Page 2 – Carnet</title>')
    expect(middle).toContain('<link rel="canonical" href="https://blog.example/page/2"/>')
    const last = renderHomePage({ site, posts, page: 3, totalPages: 3 })
    expect(last).toContain('<a class="newer" href="/page/2" rel="prev">')
    expect(last).not.toContain('rel="next"')
  })

  it('says so when nothing is published', () => {
    expect(renderHomePage({ site, posts: [], page: 1, totalPages: 1 })).toContain('Nothing published yet.')
  })

  it('speaks the site’s language', () => {
    const html = renderHomePage({ site: { ...site, language: 'fr' }, posts, page: 1, totalPages: 2 })
    expect(html).toContain('<html lang="fr">')
    expect(html).toContain('Billets plus anciens')
    expect(html).toContain('2 février 2026')
  })
})

describe('renderTagPage', () => {
  it('titles the page with the tag as written and lists its posts', () => {
    const html = renderTagPage(site, 'Été', [postMeta({ slug: 'x', title: 'X', tags: ['Été'] })])
    expect(html).toContain('<h1>Posts tagged “Été”</h1>')
    expect(html).toContain('1 post')
    expect(html).toContain('<link rel="canonical" href="https://blog.example/tags/%C3%A9t%C3%A9"/>')
  })
})

describe('NotFoundPage and ErrorPage', () => {
  it('render a styled English page without a site', () => {
    const notFound = String(<NotFoundPage />)
    expect(notFound).toContain('<h1>Page not found</h1>')
    expect(notFound).toContain('<a href="/">Back to the home page</a>')
    expect(notFound).toContain(`<style>${STYLES}</style>`)
    expect(notFound).toContain('<meta name="robots" content="noindex"/>')
    expect(String(<ErrorPage />)).toContain('<h1>Something went wrong</h1>')
  })

  it('speak the site’s language', () => {
    const french = { ...site, language: 'fr' }
    expect(String(<NotFoundPage site={french} />)).toContain('<h1>Page introuvable</h1>')
    expect(String(<ErrorPage site={french} />)).toContain('<h1>Une erreur est survenue</h1>')
  })
})
