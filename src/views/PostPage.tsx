import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import type { PostSurroundings } from '../content/surroundings'
import type { PostMeta, SiteConfig } from '../content/types'
import { formatDate, postLocale, uiStrings } from '../i18n'
import { absoluteUrl, postPath } from '../urls'
import { Byline } from './Byline'
import { blogPostingJsonLd } from './json-ld'
import { Layout } from './Layout'
import { PostNav, TranslationAlternates, TranslationLinks } from './PostLinks'
import { ShareBar } from './ShareBar'

export interface PostPageProps {
  site: SiteConfig
  post: PostMeta
  /** The post's rendered markdown (trusted: the author's own HTML). */
  html: string
  /** A draft or scheduled post shown to its author: a banner says so, and search engines are told to skip it. */
  preview?: boolean
  /** Where the post's discussion goes (comments, form), rendered by its own components. */
  discussion?: Child
  /** Its neighbours and translations (`postSurroundings`), linked from the page. */
  around?: PostSurroundings
}

/**
 * A post's page: header (with links to its translations), body, share bar, links to the
 * previous and next posts, the discussion slot, and its JSON-LD and `hreflang` alternates.
 */
export function PostPage({ site, post, html, preview, discussion, around }: PostPageProps) {
  const locale = postLocale(post, site)
  const ui = uiStrings(locale)
  // A post in a language Palabre has no strings for: its title and text say their language.
  const textLang = post.lang && post.lang !== locale ? post.lang : undefined
  const path = postPath(post.slug)
  return (
    <Layout
      site={site}
      lang={locale}
      title={post.title}
      description={post.summary}
      path={path}
      image={post.image}
      type="article"
      noindex={preview}
      head={
        <>
          <ArticleHead site={site} post={post} />
          <TranslationAlternates site={site} post={post} around={around} />
        </>
      }
    >
      <article>
        {preview && (
          <p class="banner" role="status">
            {post.draft
              ? ui.post.draftPreview
              : ui.post.scheduledPreview(formatDate(post.date, locale, site.timeZone))}
          </p>
        )}
        <header class="post-header">
          <h1 lang={textLang}>{post.title}</h1>
          <Byline site={site} post={post} ui={ui} locale={locale} showUpdated preview={preview} />
          <TranslationLinks around={around} ui={ui} />
        </header>
        <div class="post-body" lang={textLang}>
          {raw(html)}
        </div>
        <ShareBar title={post.title} url={absoluteUrl(site, path)} ui={ui} />
        <PostNav around={around} ui={ui} locale={locale} />
      </article>
      {discussion}
    </Layout>
  )
}

function ArticleHead({ site, post }: { site: SiteConfig; post: PostMeta }) {
  return (
    <>
      <meta property="article:published_time" content={post.date} />
      {post.updated && <meta property="article:modified_time" content={post.updated} />}
      {post.tags.map((tag) => (
        <meta property="article:tag" content={tag} />
      ))}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: blogPostingJsonLd(site, post) }} />
    </>
  )
}
