import { rfc3339 } from './dates'
import { el, renderXml, type XmlElement } from './xml'

/**
 * Atom 1.0 (RFC 4287) from plain data. Entries are generic, so the site feed and a post's
 * comment feed share this: extension namespaces go in `namespaces`, extension elements in an
 * entry's `extensions` (e.g. RFC 4685's `thr:in-reply-to`), extension attributes on `links`.
 */

export const ATOM_NS = 'http://www.w3.org/2005/Atom'
export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8'

export interface AtomPerson {
  name: string
  uri?: string
}

export interface AtomLink {
  href: string
  /** `alternate` when omitted (RFC 4287 §4.2.7.2). */
  rel?: string
  type?: string
  /** Extension attributes such as `thr:count` (their namespace declared on the feed). */
  attrs?: Record<string, string | undefined>
}

export interface AtomCategory {
  term: string
  label?: string
  scheme?: string
}

export interface AtomEntry {
  /** A permanent IRI: never changes once published. */
  id: string
  /** Plain text. */
  title: string
  /** ISO 8601 instants. */
  updated: string
  published?: string
  links: AtomLink[]
  authors?: AtomPerson[]
  categories?: AtomCategory[]
  /** Plain text. */
  summary?: string
  /** HTML with absolute URLs, sent escaped as `type="html"`. */
  contentHtml?: string
  /** BCP 47 tag of the entry, when it differs from the feed's. */
  lang?: string
  extensions?: XmlElement[]
}

export interface AtomFeed {
  id: string
  title: string
  subtitle?: string
  updated: string
  lang?: string
  /** Should hold a `self` link (the feed's own URL) and an `alternate` one (the HTML page). */
  links: AtomLink[]
  authors?: AtomPerson[]
  /** Prefix → namespace URI, e.g. `{ thr: 'http://purl.org/syndication/thread/1.0' }`. */
  namespaces?: Record<string, string>
  entries: AtomEntry[]
}

/** The feed as an Atom document, entries in the order given. */
export function buildAtomFeed(feed: AtomFeed): string {
  const namespaces = Object.fromEntries(Object.entries(feed.namespaces ?? {}).map(([p, uri]) => [`xmlns:${p}`, uri]))
  return renderXml(
    el(
      'feed',
      { xmlns: ATOM_NS, ...namespaces, 'xml:lang': feed.lang },
      el('id', {}, feed.id),
      el('title', {}, feed.title),
      feed.subtitle && el('subtitle', {}, feed.subtitle),
      el('updated', {}, rfc3339(feed.updated)),
      feed.links.map(atomLink),
      (feed.authors ?? []).map(atomPerson),
      el('generator', {}, 'Palabre'),
      feed.entries.map(atomEntry),
    ),
  )
}

function atomEntry(entry: AtomEntry): XmlElement {
  return el(
    'entry',
    { 'xml:lang': entry.lang },
    el('id', {}, entry.id),
    el('title', {}, entry.title),
    el('updated', {}, rfc3339(entry.updated)),
    entry.published && el('published', {}, rfc3339(entry.published)),
    entry.links.map(atomLink),
    (entry.authors ?? []).map(atomPerson),
    (entry.categories ?? []).map(({ term, label, scheme }) => el('category', { term, scheme, label })),
    entry.summary && el('summary', {}, entry.summary),
    entry.contentHtml !== undefined && el('content', { type: 'html' }, entry.contentHtml),
    entry.extensions,
  )
}

function atomLink({ href, rel, type, attrs }: AtomLink): XmlElement {
  return el('link', { rel, type, href, ...attrs })
}

function atomPerson({ name, uri }: AtomPerson): XmlElement {
  return el('author', {}, el('name', {}, name), uri && el('uri', {}, uri))
}
