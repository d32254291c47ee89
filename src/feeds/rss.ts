import { ATOM_NS } from './atom'
import { rfc822 } from './dates'
import { el, renderXml } from './xml'

/** RSS 2.0 (RSS Advisory Board spec 2.0.11), with `atom:link rel="self"` and `dc:creator`. */

export const RSS_CONTENT_TYPE = 'application/rss+xml; charset=utf-8'
const DC_NS = 'http://purl.org/dc/elements/1.1/'

export interface RssItem {
  title: string
  link: string
  /** A permalink URL: sent with `isPermaLink="true"`. */
  guid: string
  /** ISO 8601 instant. */
  pubDate: string
  /** A name: RSS's own `author` must be an email address, which the blog never publishes. */
  creator?: string
  categories?: string[]
  /** The full HTML, absolute URLs, sent escaped in `description`. */
  descriptionHtml: string
}

export interface RssChannel {
  title: string
  /** The site's home page. */
  link: string
  description: string
  /** The feed's own URL. */
  selfUrl: string
  lang?: string
  /** ISO 8601 instant of the last change. */
  lastBuildDate: string
  items: RssItem[]
}

/** The channel as an RSS 2.0 document, items in the order given. */
export function buildRssFeed(channel: RssChannel): string {
  return renderXml(
    el(
      'rss',
      { version: '2.0', 'xmlns:atom': ATOM_NS, 'xmlns:dc': DC_NS },
      el(
        'channel',
        {},
        el('title', {}, channel.title),
        el('link', {}, channel.link),
        el('description', {}, channel.description),
        el('atom:link', { href: channel.selfUrl, rel: 'self', type: 'application/rss+xml' }),
        channel.lang && el('language', {}, channel.lang),
        el('lastBuildDate', {}, rfc822(channel.lastBuildDate)),
        el('generator', {}, 'Palabre'),
        channel.items.map((item) =>
          el(
            'item',
            {},
            el('title', {}, item.title),
            el('link', {}, item.link),
            el('guid', { isPermaLink: 'true' }, item.guid),
            el('pubDate', {}, rfc822(item.pubDate)),
            item.creator && el('dc:creator', {}, item.creator),
            (item.categories ?? []).map((category) => el('category', {}, category)),
            el('description', {}, item.descriptionHtml),
          ),
        ),
      ),
    ),
  )
}
