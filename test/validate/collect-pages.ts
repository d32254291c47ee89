import { randomBytes } from 'node:crypto'
import { THREAD_SLUG, type PalabreUnderTest } from '../e2e/support/features'
import { PAGE_TYPES, THEMED_PAGE_TYPES, themedOrigin } from '../e2e/support/pages'

/** One page's HTML as the server sent it. */
export interface FetchedPage {
  name: string
  url: string
  status: number
  html: string
}

/**
 * Every page type, fetched from the running server: the reading side always; the comment
 * pages (form with errors, the poster's held view and edit page, the reply page) and the
 * admin pages (sign-in, sign-in refused, dashboard) when the server has them; and the reading
 * pages again on the themed instance, named `themed-<type>`.
 */
export async function collectPages(app: PalabreUnderTest): Promise<FetchedPage[]> {
  const pages: FetchedPage[] = []
  const add = async (name: string, url: string, init?: RequestInit) => {
    const response = await fetch(url, { redirect: 'manual', ...init })
    pages.push({ name, url, status: response.status, html: await response.text() })
    return pages.at(-1)!
  }
  for (const type of PAGE_TYPES) {
    if (!type.needs || app.features[type.needs]) await add(type.name, app.origin + type.path)
  }
  if (app.features.commentForm) await addCommentPages(app, add)
  if (app.features.admin) await addAdminPages(app, add)
  // The same reading pages on the themed instance: logo, accent, footer, links, theme.css.
  const themed = themedOrigin()
  if (themed) for (const type of THEMED_PAGE_TYPES) await add(`themed-${type.name}`, themed + type.path)
  return pages
}

type Add = (name: string, url: string, init?: RequestInit) => Promise<FetchedPage>

/** A browser's form POST from this origin, as one reader (the rate limit is per address). */
function formPost(app: PalabreUnderTest, fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: {
      Origin: app.origin,
      'Content-Type': 'application/x-www-form-urlencoded',
      'CF-Connecting-IP': `2001:db8::${randomBytes(4).toString('hex').match(/..../g)!.join(':')}`,
      ...headers,
    },
    body: new URLSearchParams(fields),
  }
}

async function addCommentPages(app: PalabreUnderTest, add: Add): Promise<void> {
  const action = `${app.origin}/posts/${THREAD_SLUG}/comments`
  await add('form-with-errors', action, formPost(app, { author: ' ', email: 'not-an-email', body: 'Kept text', notify: 'replies' }))
  const posted = await fetch(action, { ...formPost(app, { author: 'Validator', body: 'A *held* comment with `code`.' }), redirect: 'manual' })
  const held = posted.headers.get('Location')
  if (!held) throw new Error(`the comment form answered ${posted.status} without a Location`)
  const view = await add('held-comment', new URL(held, app.origin).href)
  const edit = /href="([^"]*\/edit\?t=[^"]*)"/.exec(view.html)?.[1]
  if (edit) await add('edit-comment', new URL(edit.replace(/&amp;/g, '&'), app.origin).href)
  if (app.thread.length > 0) await add('reply-page', `${action}/${app.thread[0]}/reply`)
}

async function addAdminPages(app: PalabreUnderTest, add: Add): Promise<void> {
  const login = `${app.origin}/admin/login`
  await add('admin-sign-in-refused', login, formPost(app, { token: 'wrong' }))
  const signedIn = await fetch(login, { ...formPost(app, { token: app.adminToken }), redirect: 'manual' })
  const cookie = signedIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
  if (!cookie) throw new Error(`signing in to /admin answered ${signedIn.status} without a cookie`)
  await add('admin-dashboard', `${app.origin}/admin`, { headers: { Cookie: cookie } })
}
