import { FIXTURE } from '../../fixtures/site'

/** The public post every comment test writes to (in test/fixtures/content/). */
export const THREAD_SLUG = FIXTURE.thread.slug

/** Which parts of Palabre the running server has: tests of the missing ones are skipped, saying why. */
export interface Features {
  /** The JSON comment API (`GET /api/posts/<slug>/comments`), issue 3. */
  commentApi: boolean
  /** The comment form in the post page (`POST /posts/<slug>/comments`), issue 3. */
  commentForm: boolean
  /** The /admin sign-in page, issue 3. */
  admin: boolean
  /** The local mailbox (`GET /api/admin/mailbox`), issue 4. */
  mailbox: boolean
}

/** What the e2e tests get from the global setup (`inject('palabre')`); null when they must skip. */
export interface PalabreUnderTest {
  origin: string
  adminToken: string
  features: Features
  /** The ids of the threaded discussion seeded under THREAD_SLUG (empty without the comment API). */
  thread: number[]
}

declare module 'vitest' {
  export interface ProvidedContext {
    palabre: PalabreUnderTest | null
    /** A second instance on the themed fixture (logo, accent, footer, links, theme.css): its origin. */
    palabreThemed: string | null
  }
}

/** Asks the server which features it has, by their public addresses (the README's "Addresses"). */
export async function probeFeatures(origin: string, adminToken: string): Promise<Features> {
  const bearer = { Authorization: `Bearer ${adminToken}` }
  const [api, post, admin, mailbox] = await Promise.all([
    fetch(`${origin}/api/posts/${THREAD_SLUG}/comments`),
    fetch(`${origin}/posts/${THREAD_SLUG}`).then((r) => r.text()),
    fetch(`${origin}/admin`).then((r) => r.text()),
    fetch(`${origin}/api/admin/mailbox`, { headers: bearer }),
  ])
  return {
    commentApi: api.ok && (api.headers.get('content-type') ?? '').includes('json'),
    commentForm: new RegExp(`<form[^>]+action="/posts/${THREAD_SLUG}/comments"`).test(post),
    admin: admin.includes('action="/admin/login"'),
    mailbox: mailbox.ok,
  }
}

/** Why a group of tests is skipped, as the reporter shows it. */
export const MISSING = {
  commentApi: 'the comment JSON API (issue 3) is not mounted yet',
  commentForm: 'the comment form in the post page (issue 3) is not there yet',
  admin: 'the /admin sign-in (issue 3) is not there yet',
  mailbox: 'the local mailbox /api/admin/mailbox (issue 4) is not there yet',
} satisfies Record<keyof Features, string>
