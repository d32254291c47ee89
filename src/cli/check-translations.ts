import type { SiteConfig } from '../content/types'
import type { ParsedPost } from './parse-content'

/**
 * Records a problem for each translation a post names that does not hold: the post must exist,
 * be written in the language it is named under (its `lang:`, else the site's `language`), and
 * name this post back under this post's language. Drafts count: `--check` and local publishes
 * see them; a remote publish leaves them out, and pages then link only to what is public.
 */
export function checkTranslations(posts: ParsedPost[], site: SiteConfig, errors: string[]): void {
  const bySlug = new Map(posts.map((post) => [post.meta.slug, post]))
  const langOf = (post: ParsedPost) => post.meta.lang ?? site.language
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()
  for (const post of posts) {
    const own = langOf(post)
    for (const [lang, slug] of Object.entries(post.meta.translations ?? {})) {
      const at = `${post.file}: translations.${lang}:`
      const other = bySlug.get(slug)
      if (same(lang, own)) errors.push(`${at} this post is itself in ${own} (name posts in other languages only)`)
      else if (!other) errors.push(`${at} no post has the slug ${JSON.stringify(slug)} (fix the slug or write that post)`)
      else if (!same(langOf(other), lang))
        errors.push(`${at} ${other.file} is in ${langOf(other)}, not ${lang} (set lang: ${lang} there, or fix the language here)`)
      else if (!Object.entries(other.meta.translations ?? {}).some(([l, back]) => same(l, own) && back === post.meta.slug))
        errors.push(`${at} ${other.file} does not name this post back (add translations: {${own}: ${post.meta.slug}} to it)`)
    }
  }
}
