import { Hono } from 'hono'
import * as z from 'zod'
import { requireAdminToken } from '../auth/admin-token'
import { eraseCommenter, findCommenter, parseEmail } from '../commenters/data'
import type { AppEnv } from '../env'
import { commentDeps } from './comment-deps'
import { apiError } from './errors'

/**
 * A commenter's data on request, in the admin API (bearer token only), mounted under /api/admin:
 * `GET /commenters?email=` (everything stored about the address) and `POST /commenters/erase`
 * with `{email, keepText}`.
 */
export const commentersApi = new Hono<AppEnv>()

for (const path of ['/commenters', '/commenters/*']) commentersApi.use(path, requireAdminToken())

const EMAIL_MESSAGE = 'email must be an email address of at most 254 characters.'

/** `{email, comments, address, subscriptions, outbox}`: see the README's admin API. */
commentersApi.get('/commenters', async (c) => {
  const email = parseEmail(c.req.query('email'))
  if (!email) return apiError(c, { code: 'invalid_request', message: `Send ?email=<address>: ${EMAIL_MESSAGE}`, fields: { email: EMAIL_MESSAGE } })
  return c.json(await findCommenter(c.env.DB, email))
})

const ERASE_MESSAGE = 'Send JSON {"email": "<address>", "keepText": true | false}.'
const EraseRequest = z.object({ email: z.string(), keepText: z.boolean() }, { error: ERASE_MESSAGE })

/** Erases the address's data in one batch and purges the pages that showed its comments. */
commentersApi.post('/commenters/erase', async (c) => {
  const parsed = EraseRequest.safeParse(await c.req.json().catch(() => undefined))
  if (!parsed.success) return apiError(c, { code: 'invalid_request', message: ERASE_MESSAGE })
  const email = parseEmail(parsed.data.email)
  if (!email) return apiError(c, { code: 'invalid_request', message: EMAIL_MESSAGE, fields: { email: EMAIL_MESSAGE } })
  const erasure = await eraseCommenter(commentDeps(c), email, { keepText: parsed.data.keepText, site: c.get('index').site })
  return c.json({
    email,
    keepText: parsed.data.keepText,
    erased: {
      comments: erasure.comments.map((row) => row.id),
      subscriptions: erasure.subscriptions,
      outbox: erasure.outbox,
      mailbox: erasure.mailbox,
      address: erasure.address,
    },
  })
})
