import type { PostSurroundings } from '../content/surroundings'
import type { PostMeta, SiteConfig } from '../content/types'
import type { UiStrings } from '../i18n'
import { absoluteUrl, postPath } from '../urls'
import { headLink } from './head-link'

/** What a post's page shows of other posts (`postSurroundings`): previous and next, translations. */

const languageNames = new Map<string, Intl.DisplayNames>()

/** `lang`'s name in that language, capitalized as a link reads (`fr` → `Français`). */
function autonym(lang: string): string {
  let names = languageNames.get(lang)
  if (!names) languageNames.set(lang, (names = new Intl.DisplayNames([lang], { type: 'language' })))
  const name = names.of(lang) ?? lang
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1)
}

/** The links to the post's translations, each named in its own language. */
export function TranslationLinks({ around, ui }: { around?: PostSurroundings; ui: UiStrings }) {
  if (!around?.translations.length) return null
  return (
    <p class="meta translations">
      <span>
        {`${ui.site.translations} `}
        {around.translations.map((other, i) => (
          <>
            {i > 0 && ', '}
            <a href={postPath(other.slug)} hreflang={other.lang} lang={other.lang} rel="alternate">
              {autonym(other.lang)}
            </a>
          </>
        ))}
      </span>
    </p>
  )
}

/**
 * `<link rel="alternate" hreflang>` for the post and each translation, the post itself included
 * as search engines ask, so every side of a translation names every other.
 */
export function TranslationAlternates({ site, post, around }: { site: SiteConfig; post: PostMeta; around?: PostSurroundings }) {
  if (!around?.translations.length) return null
  const all = [{ lang: post.lang ?? site.language, slug: post.slug }, ...around.translations]
  return <>{all.map(({ lang, slug }) => headLink({ rel: 'alternate', hreflang: lang, href: absoluteUrl(site, postPath(slug)) }))}</>
}

/** The links at the end of a post to the public post before it and the one after it. */
export function PostNav({ around, ui, locale }: { around?: PostSurroundings; ui: UiStrings; locale: string }) {
  if (!around?.older && !around?.newer) return null
  const lang = (other: { lang?: string }) => (other.lang && other.lang !== locale ? other.lang : undefined)
  return (
    <nav class="post-nav" aria-label={ui.site.postNav.label}>
      <ul>
        {around.newer && (
          <li class="newer">
            <span>{ui.site.postNav.newer}</span>
            <a href={postPath(around.newer.slug)} rel="next" lang={lang(around.newer)}>
              {around.newer.title}
            </a>
          </li>
        )}
        {around.older && (
          <li class="older">
            <span>{ui.site.postNav.older}</span>
            <a href={postPath(around.older.slug)} rel="prev" lang={lang(around.older)}>
              {around.older.title}
            </a>
          </li>
        )}
      </ul>
    </nav>
  )
}
