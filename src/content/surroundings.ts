import { isPublic, listPublicPosts } from './store'
import type { ContentIndex, PostMeta } from './types'

/** Another post as a post's page links to it. */
export interface LinkedPost {
  slug: string
  title: string
  lang?: string
}

/** What a post's page shows of other posts: its neighbours by date and its translations. */
export interface PostSurroundings {
  /** The public post just before this one (older), and just after it (newer). */
  older?: LinkedPost
  newer?: LinkedPost
  /** Its public translations, in the order the front matter names them; `lang` is the key. */
  translations: (LinkedPost & { lang: string })[]
  /**
   * Whether a scheduled post may change this page when its date comes: the newest post gets a
   * newer neighbour, a translation not yet public appears. Its edge lifetime is then capped.
   */
  waitsForSchedule: boolean
}

const linked = ({ slug, title, lang }: PostMeta): LinkedPost => ({ slug, title, ...(lang && { lang }) })

/**
 * The surroundings of `meta` at `now`: neighbours among the public posts (none for a post that
 * is not public, such as a draft's preview) and the translations readers can open. The publish
 * tool calls it with a far-future `now` to see which pages a publish changes (`planPublish`).
 */
export function postSurroundings(index: ContentIndex, meta: PostMeta, now: Date): PostSurroundings {
  const posts = listPublicPosts(index, now)
  const at = posts.findIndex((post) => post.slug === meta.slug)
  const translations: PostSurroundings['translations'] = []
  let pending = false
  for (const [lang, slug] of Object.entries(meta.translations ?? {})) {
    const other = index.posts.find((post) => post.slug === slug)
    if (other && isPublic(other, now)) translations.push({ ...linked(other), lang })
    else if (other && !other.draft) pending = true
  }
  return {
    ...(at >= 0 && posts[at + 1] && { older: linked(posts[at + 1]!) }),
    ...(at > 0 && { newer: linked(posts[at - 1]!) }),
    translations,
    waitsForSchedule: pending || (at === 0 && index.posts.some((post) => !post.draft && !isPublic(post, now))),
  }
}
