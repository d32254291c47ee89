import type { PostMeta, SiteConfig } from '../content/types'
import { absoluteUrl, postPath } from '../urls'

// Inside <script>, `</script` or `<!--` in post text would end or change the block; JSON lets
// these characters be written as escapes, which parse back to the same text.
const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g

/** `value` as JSON that can sit inside a `<script>` element without ending it early. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    UNSAFE_IN_SCRIPT,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/** The post as schema.org `BlogPosting` JSON-LD, ready for `<script type="application/ld+json">`. */
export function blogPostingJsonLd(site: SiteConfig, post: PostMeta): string {
  const url = absoluteUrl(site, postPath(post.slug))
  return scriptSafeJson({
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: post.title,
    description: post.summary,
    url,
    mainEntityOfPage: url,
    datePublished: post.date,
    dateModified: post.updated ?? post.date,
    inLanguage: post.lang ?? site.language,
    author: { '@type': 'Person', name: site.author },
    publisher: { '@type': 'Organization', name: site.title, url: absoluteUrl(site, '/') },
    ...(post.image && { image: absoluteUrl(site, post.image) }),
    ...(post.tags.length > 0 && { keywords: post.tags.join(', ') }),
    wordCount: post.words,
  })
}
