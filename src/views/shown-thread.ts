import type { ShownThread } from '../comments/discussion-pages'
import { buildThread, paginateThreads, type Thread as ThreadData } from '../comments/tree'
import type { CommentRow } from '../comments/types'
import type { DiscussionHost } from '../content/discussion-host'
import type { SiteConfig } from '../content/types'
import { hashText } from '../hash-text'
import { postLocale, uiStrings } from '../i18n'
import { editPath } from '../urls'
import { Thread, type ThreadView } from './Thread'

/**
 * One page of a discussion's threads as HTML (`ShownThread`), and the key of everything that
 * HTML depends on besides the thread (`discussionViewKey`), under which a public view stores it
 * (src/comments/discussion-pages.ts).
 */

/** The poster's own edit link for one comment (`?edit=<id>.<token>`): their page only, never cached or stored. */
export interface PosterEdit {
  id: number
  token: string
}

/** What every comment of a host's thread is rendered with; `edit` only on the poster's own page. */
export function threadView(site: SiteConfig, host: DiscussionHost, edit?: PosterEdit): ThreadView {
  const locale = postLocale(host, site)
  return {
    ui: uiStrings(locale).comments,
    locale,
    timeZone: site.timeZone,
    address: host,
    open: host.comments,
    ...(edit && { edit: { id: edit.id, href: editPath(host, edit.id, edit.token) } }),
    avatars: site.comments.avatars !== false,
  }
}

/** Page `page` of `thread` as its page shows it, or null when `page` is past the last page. */
export function shownThread(site: SiteConfig, host: DiscussionHost, thread: ThreadData, page: number, edit?: PosterEdit): ShownThread | null {
  const { threads, pageCount } = paginateThreads(thread.roots, page, site.comments.threadsPerPage)
  if (page > pageCount) return null
  const html = threads.length > 0 ? String(Thread({ nodes: threads, view: threadView(site, host, edit) })) : ''
  return { count: thread.count, pageCount, html }
}

const viewKeys = new Map<string, string>()

/**
 * The key of what a public page of `host`'s thread looks like apart from the thread itself: the
 * settings it is rendered with (language, time zone, open or closed, its address, paging, depth,
 * avatars), and the renderer, as the hash of a canary thread rendered now with them. Any change
 * of the renderer's output (a template, a string, a date format, the tree's rules) changes the
 * canary's HTML, so a stored page rendered by another Worker version is never served: no version
 * number to remember to raise. Computed once per isolate and settings.
 */
export function discussionViewKey(site: SiteConfig, host: DiscussionHost): string {
  const { maxDepth, threadsPerPage } = site.comments
  const settings = JSON.stringify([postLocale(host, site), site.timeZone, host.comments, host.path, threadsPerPage, maxDepth, site.comments.avatars !== false])
  let key = viewKeys.get(settings)
  if (key === undefined) {
    const thread = buildThread(canaryRows(maxDepth), { maxDepth })
    let html = ''
    for (let page = 1; ; page++) {
      const shown = shownThread(site, host, thread, page)
      if (!shown) break
      html += `${shown.count}/${shown.pageCount}:${shown.html}`
    }
    key = `${hashText(html)}:${settings}`
    if (viewKeys.size >= 64) viewKeys.clear()
    viewKeys.set(settings, key)
  }
  return key
}

/**
 * A thread with one of everything a rendered thread can hold: readers with and without avatars,
 * the author's badge, a name to escape, a reply chain past the depth limit ("in reply to"), a
 * deleted comment kept as a placeholder and one pruned, an orphan, three threads to page.
 */
export function canaryRows(maxDepth: number): CommentRow[] {
  const base = Date.UTC(2024, 2, 30, 23, 30) // around a change of summer time in Europe
  let id = 0
  const row = (parentId: number | null, over: Partial<CommentRow> = {}): CommentRow => ({
    id: ++id, postSlug: 'canary', parentId, authorName: `Reader ${id}`, authorEmail: null, body: `Comment ${id}`,
    bodyHtml: `<p>Comment <em>${id}</em></p>`, renderVersion: 0, status: 'approved', createdAt: base + id * 3_600_000,
    updatedAt: base, ipHmac: null, isAuthor: false, notify: null, submitKey: `k${id}`, avatarKey: id % 2 ? 'a1b2c3' : null, ...over,
  })
  const rows = [row(null), row(1, { isAuthor: true, authorName: 'The <Author> & "co"', avatarKey: null })]
  for (let depth = 3, parent = 2; depth <= Math.min(maxDepth, 12) + 1; depth++) {
    const reply = row(parent)
    rows.push(reply)
    parent = reply.id
  }
  const deleted = row(null, { status: 'deleted' })
  rows.push(deleted, row(deleted.id), row(null, { status: 'deleted' }), row(999_999), row(null, { status: 'pending' }))
  return rows
}
