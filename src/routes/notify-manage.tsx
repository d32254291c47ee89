import { Hono, type Context } from 'hono'
import { threadLink } from '../content/discussion-host'
import type { AppEnv } from '../env'
import { notifyStrings } from '../i18n'
import { checkManageLink, parseStop, stopByManageLink } from '../notify/manage'
import type { SubscriptionRow } from '../notify/subscriptions'
import { ManagePage } from '../views/notify/ManagePage'
import { limitBody } from './body-limit'
import { readForm } from './comment-common'
import { deps, guarded, refused, self } from './notify'

/**
 * `/notify/subscriptions?a=<address>&t=<token>`, the "manage my subscriptions" link of readers'
 * emails: GET lists what the address follows (and changes nothing); POST, with the button's
 * `stop` (a subscription id or `all`), stops it and shows what is left. The signed link is the
 * proof, as on the unsubscribe page; a forged or tampered one gets the 400 page.
 */
export const notifyManage = new Hono<AppEnv>()

notifyManage.get('/subscriptions', (c) =>
  guarded(c, async () => {
    const result = await checkManageLink(deps(c), query(c))
    if (result.state !== 'valid') return refused(c, 'invalid')
    return show(c, result.subscriptions)
  }),
)

/** The buttons send one short field; anything larger is no click of theirs. */
const manageFormLimit = limitBody({ maxBytes: 1024, maxFields: 4, onTooLarge: (c) => c.text('Too large.', 413) })

notifyManage.post('/subscriptions', manageFormLimit, (c) =>
  guarded(c, async () => {
    const stop = parseStop((await readForm(c)).stop)
    const ui = notifyStrings(c.get('index').site.language).pages.manage
    if (stop === null) {
      const result = await checkManageLink(deps(c), query(c))
      if (result.state !== 'valid') return refused(c, 'invalid')
      return show(c, result.subscriptions, ui.choose, 400)
    }
    const result = await stopByManageLink(deps(c), query(c), stop, Date.now())
    if (result.state !== 'valid') return refused(c, 'invalid')
    const site = c.get('index').site
    const message = result.stopped === 'all'
      ? ui.stoppedAll(site.title)
      : result.stopped
        ? ui.stopped(describe(c, result.stopped))
        : undefined
    return show(c, result.subscriptions, message)
  }),
)

const query = (c: Context<AppEnv>) => ({ a: c.req.query('a'), t: c.req.query('t') })

function show(c: Context<AppEnv>, subscriptions: SubscriptionRow[], message?: string, status: 200 | 400 = 200) {
  const items = subscriptions.map((s) => ({ id: s.id, label: describe(c, s), waiting: s.confirmedAt === null }))
  return c.html(<ManagePage site={c.get('index').site} message={message} items={items} action={self(c)} />, status)
}

function describe(c: Context<AppEnv>, subscription: SubscriptionRow): string {
  const index = c.get('index')
  const ui = notifyStrings(index.site.language).pages.manage
  const title = threadLink(index, subscription.postSlug).title
  return subscription.scope === 'replies' ? ui.replies(title) : ui.post(title)
}
