import { Hono, type Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { threadLink } from '../content/discussion-host'
import type { AppEnv } from '../env'
import { notifyStrings } from '../i18n'
import { confirmPath } from '../urls'
import {
  checkConfirmLink,
  checkUnsubscribeLink,
  confirmByLink,
  unsubscribeByLink,
  type ConfirmState,
  type LinkQuery,
  type UnsubscribeState,
} from '../notify/consent'
import { NotifyPage, type NotifyPageProps } from '../views/notify/NotifyPage'

/**
 * The links of notification emails: `/notify/confirm` (double opt-in) and `/notify/unsubscribe`
 * (one subscription with `s`, everything for an address with `a`). GET shows what the link
 * would do; only POST acts (mail scanners prefetch links). The POST reads the id and token from
 * the query string, so the RFC 8058 one-click POST a mail provider sends (fixed body, no Origin
 * header) works: no CSRF middleware here, the signed token is the proof. Nothing here is cached.
 */
export const notify = new Hono<AppEnv>()

export const deps = (c: Context<AppEnv>) => ({ db: c.env.DB, signingKey: c.env.SIGNING_KEY })
const query = (c: Context<AppEnv>): LinkQuery => ({ a: c.req.query('a'), s: c.req.query('s'), t: c.req.query('t') })
/** The form posts back to the very URL it came from: same id, same token. */
export const self = (c: Context<AppEnv>) => {
  const url = new URL(c.req.url)
  return `${url.pathname}${url.search}`
}

export function page(c: Context<AppEnv>, props: Omit<NotifyPageProps, 'site'>, status: ContentfulStatusCode = 200) {
  return c.html(<NotifyPage site={c.get('index').site} {...props} />, status)
}

/** A bad link's page: 400 (forged, tampered, cut) or 410 (an expired confirmation). */
export function refused(c: Context<AppEnv>, state: 'invalid' | 'expired') {
  const ui = notifyStrings(c.get('index').site.language).pages[state]
  return page(c, { title: ui.title, messages: [ui.message] }, state === 'expired' ? 410 : 400)
}

/** D1 could not be read or written: a page that says so (503), never the 500 page. */
export async function guarded(c: Context<AppEnv>, work: () => Promise<Response>): Promise<Response> {
  try {
    return await work()
  } catch (error) {
    console.error('notification link failed', error)
    const ui = notifyStrings(c.get('index').site.language).pages.unavailable
    return page(c, { title: ui.title, messages: [ui.message] }, 503)
  }
}

notify.on(['GET', 'POST'], '/confirm', (c) =>
  guarded(c, async () => {
    const act = c.req.method === 'POST'
    const result: ConfirmState = act ? await confirmByLink(deps(c), query(c), Date.now()) : await checkConfirmLink(deps(c), query(c), Date.now())
    if (result.state !== 'valid') return refused(c, result.state)
    const ui = notifyStrings(c.get('index').site.language).pages.confirm
    if (act && result.next) {
      const { subscription, token } = result.next
      const title = threadLink(c.get('index'), subscription.postSlug).title
      const pending = (subscription.scope === 'replies' ? ui.pendingReplies : ui.pendingPost)(title)
      const action = { href: confirmPath({ subscription: subscription.id }, token), label: ui.pendingButton }
      return page(c, { title: ui.done, messages: [ui.doneMessage, pending], action })
    }
    if (act || result.confirmed) return page(c, { title: ui.done, messages: [ui.doneMessage] })
    return page(c, { title: ui.title, messages: [ui.intro], action: { href: self(c), label: ui.button } })
  }),
)

notify.on(['GET', 'POST'], '/unsubscribe', (c) =>
  guarded(c, async () => {
    const act = c.req.method === 'POST'
    const result = act ? await unsubscribeByLink(deps(c), query(c), Date.now()) : await checkUnsubscribeLink(deps(c), query(c))
    if (result.state === 'invalid') return refused(c, 'invalid')
    const ui = notifyStrings(c.get('index').site.language).pages.unsubscribe
    const site = c.get('index').site
    if (result.state === 'gone') return page(c, { title: ui.done, messages: [ui.doneMessage] })
    if ('address' in result) {
      if (act) return page(c, { title: ui.doneAll, messages: [ui.doneAllMessage(site.title)] })
      return page(c, { title: ui.title, messages: [ui.all(site.title)], action: { href: self(c), label: ui.buttonAll } })
    }
    if (act) return page(c, { title: ui.done, messages: [ui.doneMessage] })
    return page(c, { title: ui.title, messages: [describe(c, result)], action: { href: self(c), label: ui.button } })
  }),
)

function describe(c: Context<AppEnv>, result: Extract<UnsubscribeState, { subscription: unknown }>): string {
  const index = c.get('index')
  const ui = notifyStrings(index.site.language).pages.unsubscribe
  const { scope, postSlug } = result.subscription
  const title = threadLink(index, postSlug).title
  return scope === 'replies' ? ui.replies(title) : ui.post(title)
}
