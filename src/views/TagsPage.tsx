import type { TagCount } from '../content/archive'
import type { SiteConfig } from '../content/types'
import { formatCount, uiStrings } from '../i18n'
import { TAGS_PATH, tagPath } from '../urls'
import { Layout } from './Layout'

export interface TagsPageProps {
  site: SiteConfig
  /** Every tag of the public posts with its number of posts (`countTags`). */
  tags: TagCount[]
}

/** `/tags`: every tag, each linked to its page, with its number of posts. */
export function TagsPage({ site, tags }: TagsPageProps) {
  const ui = uiStrings(site.language)
  return (
    <Layout site={site} title={ui.site.tags.title} path={TAGS_PATH}>
      <h1>{ui.site.tags.title}</h1>
      {tags.length > 0 ? (
        <ul class="tag-index">
          {tags.map(({ tag, count }) => (
            <li>
              <a href={tagPath(tag)} rel="tag">
                {tag}
              </a>
              <span class="meta">{formatCount(ui.site.tags.count, count, site.language)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{ui.site.tags.none}</p>
      )}
    </Layout>
  )
}
