import type { ArchiveYear } from '../content/archive'
import type { SiteConfig } from '../content/types'
import { formatCount, formatDate, uiStrings } from '../i18n'
import { ARCHIVE_PATH, postPath } from '../urls'
import { Layout } from './Layout'

export interface ArchivePageProps {
  site: SiteConfig
  /** The public posts by year and month (`groupByMonth`), newest first. */
  years: ArchiveYear[]
  total: number
}

const monthFormats = new Map<string, Intl.DateTimeFormat>()

/** The month's name as `locale` writes it alone, capitalized as a heading (`mars` → `Mars`). */
function monthName(month: number, locale: string): string {
  let format = monthFormats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' })
    monthFormats.set(locale, format)
  }
  const name = format.format(Date.UTC(2000, month - 1, 15))
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1)
}

/** `/archive`: every public post by year and month, with its date, in the site's language and time zone. */
export function ArchivePage({ site, years, total }: ArchivePageProps) {
  const locale = site.language
  const ui = uiStrings(locale)
  return (
    <Layout site={site} title={ui.site.archive.title} path={ARCHIVE_PATH}>
      <div class="archive">
        <h1>{ui.site.archive.title}</h1>
        <p class="meta">{formatCount(ui.site.archive.count, total, locale)}</p>
        {years.map(({ year, months }) => (
          <section aria-labelledby={`y${year}`}>
            <h2 id={`y${year}`}>{year}</h2>
            {months.map(({ month, posts }) => (
              <>
                <h3>{`${monthName(month, locale)} ${year}`}</h3>
                <ul class="archive-list">
                  {posts.map((post) => (
                    <li>
                      <time datetime={post.date}>{formatDate(post.date, locale, site.timeZone)}</time>
                      <a href={postPath(post.slug)} lang={post.lang && post.lang !== locale ? post.lang : undefined}>
                        {post.title}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            ))}
          </section>
        ))}
      </div>
    </Layout>
  )
}
