import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, newReader, watchPage, type PageProblems } from './support/browser'
import { approve, submitCommentForm, unique } from './support/comments'
import { MISSING, THREAD_SLUG } from './support/features'
import {
  linksOf,
  mailbox,
  postAsAuthor,
  postWithEmail,
  signInAsAdmin,
  waitForMail,
  waitForOutboxDrained,
  type MailboxMessage,
} from './support/mailbox'
import { palabre, server } from './support/pages'

const isUnsubscribeLink = (url: string) => url.includes('/notify/unsubscribe?s=')

/**
 * Reply notifications through the local mailbox (issue 4), as readers and the author meet them
 * in Chromium: double opt-in, the notice of an approved reply, its links, unsubscribing. Each
 * step needs the one before; emails are read from `GET /api/admin/mailbox` and /admin/mailbox,
 * with the cron fired by hand (`npm start` fires it only once a minute).
 */
describe.skipIf(!palabre())('reply notifications in the local mailbox (issue 4)', () => {
  let browser: Browser
  let ada: Page
  let adaProblems: PageProblems
  let adminContext: BrowserContext
  let admin: Page | undefined
  const email = `ada.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`
  const texts = {
    first: unique('Tell me when someone answers'),
    reply: unique('Here is an answer for Ada'),
    own: unique('Ada adds to her own comment'),
    author: unique('The author answers Ada'),
    later: unique('A reply after Ada unsubscribed'),
    again: unique('Ada follows another thread'),
    again2: unique('The author answers the other thread'),
  }
  let first: number | undefined
  let replyId: number | undefined
  let notice: MailboxMessage | undefined
  let unsubscribed = false

  const toAda = (m: MailboxMessage) => m.to === email

  beforeAll(async () => {
    browser = await launchChromium()
    ada = await (await newReader(browser)).newPage()
    adaProblems = watchPage(ada)
    adminContext = await browser.newContext()
  })
  afterAll(() => browser?.close())

  async function adminPage(): Promise<Page> {
    admin ??= await signInAsAdmin(adminContext, server())
    return admin
  }

  it('sends one confirmation email when a reader asks to hear about replies to their comment', async ({ skip }) => {
    skip(!server().features.commentForm, MISSING.commentForm)
    skip(!server().features.mailbox, MISSING.mailbox)
    await ada.goto(`${server().origin}/posts/${THREAD_SLUG}`)
    await ada.locator('form#comment-form select[name=notify]').selectOption('replies')
    const landing = await submitCommentForm(ada, { author: 'Ada', email, body: texts.first })
    if (landing.held) await approve(server(), landing.id)
    const mails = await waitForMail(server(), toAda)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toMatch(/^Confirm your email for /)
    expect(linksOf(mails[0]!).some((url) => url.includes('/notify/confirm?'))).toBe(true)
    first = landing.id
  })

  it('shows it in /admin/mailbox, whose link asks first (GET) and confirms with its button (POST)', async ({ skip }) => {
    skip(first === undefined, 'needs the subscribed comment of the previous test')
    const page = await adminPage()
    await page.goto(`${server().origin}/admin/mailbox`)
    const message = page.locator('article.admin-comment', { hasText: email }).filter({ hasText: 'Confirm your email' })
    await expect(message.count()).resolves.toBe(1)
    const href = await message.locator('a[href*="/notify/confirm?"]').getAttribute('href')
    expect(href).toMatch(/^\/notify\/confirm\?s=\d+&t=/)
    await ada.goto(`${server().origin}${href}`)
    await expect(ada.locator('h1').innerText()).resolves.toBe('Confirm your email address')
    await ada.reload() // a mail scanner's second fetch: still only asking
    await expect(ada.locator('h1').innerText()).resolves.toBe('Confirm your email address')
    const [answer] = await Promise.all([
      ada.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/notify/confirm')),
      ada.getByRole('button', { name: 'Confirm', exact: true }).click(),
    ])
    expect(answer.status()).toBe(200)
    await expect(ada.locator('h1').innerText()).resolves.toBe('Email address confirmed')
  })

  it('lets another reader reply through the form and the author approve the reply in /admin', async ({ skip }) => {
    skip(first === undefined, 'needs the subscribed comment of the first test')
    const page = await (await newReader(browser)).newPage()
    await page.goto(`${server().origin}/posts/${THREAD_SLUG}/comments/${first}/reply`)
    const landing = await submitCommentForm(page, { author: 'Brune', body: texts.reply })
    if (landing.held) {
      const queue = await adminPage()
      await queue.goto(`${server().origin}/admin`)
      const item = queue.locator('section[aria-labelledby=queue-title] article.admin-comment', { hasText: texts.reply })
      await Promise.all([queue.waitForURL(/\/admin\?/), item.locator('form.actions button[value=approve]').click()])
    }
    await page.goto(`${server().origin}/posts/${THREAD_SLUG}`)
    await expect(page.locator(`#comment-${first} #comment-${landing.id} .comment-body`).innerText()).resolves.toBe(texts.reply)
    replyId = landing.id
  })

  it('then mails the first reader one notice naming the replier and the post, with an excerpt and the reply’s link', async ({ skip }) => {
    skip(replyId === undefined, 'needs the approved reply of the previous test')
    const [mail, ...more] = await waitForMail(server(), (m) => toAda(m) && m.text.includes(texts.reply))
    expect(more).toEqual([])
    expect(mail!.subject).toMatch(/^Brune replied on “.+”$/)
    expect(mail!.text).toContain(`Brune replied to a comment you follow on “`)
    expect(mail!.text).toContain(`> ${texts.reply}`)
    expect(mail!.html).toContain(texts.reply)
    expect(linksOf(mail!)).toContain(`${server().origin}/posts/${THREAD_SLUG}/comments/${replyId}`)
    expect(linksOf(mail!).filter(isUnsubscribeLink)).toHaveLength(1)
    notice = mail
  })

  it('mails the author’s reply too, but not the reader’s own reply to their comment', async ({ skip }) => {
    skip(notice === undefined, 'needs the confirmed subscription of the previous tests')
    const own = await postWithEmail(server(), THREAD_SLUG, { author: 'Ada', email, body: texts.own, parentId: first })
    await postAsAuthor(server(), THREAD_SLUG, { body: texts.author, parentId: first! })
    await waitForMail(server(), (m) => toAda(m) && m.text.includes(texts.author))
    await waitForOutboxDrained(server())
    const toHer = (await mailbox(server())).filter(toAda)
    expect(toHer.filter((m) => m.text.includes(texts.author))).toHaveLength(1)
    expect(toHer.filter((m) => m.text.includes(texts.own) || m.text.includes(`/comments/${own.id}`))).toEqual([])
  })

  it('shows the notice in /admin/mailbox, whose reply link opens the post at #comment-<id>', async ({ skip }) => {
    skip(notice === undefined, 'needs the notice of the previous tests')
    const page = await adminPage()
    await page.goto(`${server().origin}/admin/mailbox`)
    const message = page.locator('article.admin-comment', { hasText: texts.reply })
    await expect(message.count()).resolves.toBe(1)
    await Promise.all([
      page.waitForURL(new RegExp(`#comment-${replyId}$`)),
      message.locator(`a[href="/posts/${THREAD_SLUG}/comments/${replyId}"]`).click(),
    ])
    expect(new URL(page.url()).pathname).toBe(`/posts/${THREAD_SLUG}`)
    const target = page.locator(`#comment-${replyId}`)
    await expect(target.evaluate((el: { matches(selector: string): boolean }) => el.matches(':target'))).resolves.toBe(true)
    await expect(target.locator('.comment-body').first().innerText()).resolves.toBe(texts.reply)
  })

  it('unsubscribes by the message’s link only when its button is pressed (POST), and a second POST still answers 200', async ({ skip }) => {
    skip(notice === undefined, 'needs the notice of the previous tests')
    const stop = linksOf(notice!).find(isUnsubscribeLink)!
    await ada.goto(stop)
    await expect(ada.locator('h1').innerText()).resolves.toBe('Stop emails')
    await ada.reload() // GET again: had the first one acted, this would say "You are unsubscribed"
    await expect(ada.locator('h1').innerText()).resolves.toBe('Stop emails')
    const [answer] = await Promise.all([
      ada.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/notify/unsubscribe')),
      ada.getByRole('button', { name: 'Stop these emails' }).click(),
    ])
    expect(answer.status()).toBe(200)
    await expect(ada.locator('h1').innerText()).resolves.toBe('You are unsubscribed')
    const again = await fetch(stop, { method: 'POST' })
    expect(again.status).toBe(200)
    expect(await again.text()).toContain('You are unsubscribed')
    unsubscribed = true
  })

  it('sends that reader nothing more when someone else replies afterwards', async ({ skip }) => {
    skip(!unsubscribed, 'needs the unsubscription of the previous test')
    const later = await postWithEmail(server(), THREAD_SLUG, { author: 'Chloé', email: `chloe.${Date.now()}@example.com`, body: texts.later, parentId: first })
    await waitForOutboxDrained(server())
    const toHer = (await mailbox(server())).filter(toAda)
    expect(toHer.filter((m) => m.text.includes(texts.later) || m.text.includes(`/comments/${later.id}`))).toEqual([])
  })

  it('puts the same one-click URL in List-Unsubscribe (RFC 8058), whose POST works without an Origin header', async ({ skip }) => {
    skip(notice === undefined, 'needs the confirmed address of the first tests')
    // A new subscription of the same, already confirmed address: no second "confirm your email",
    // but the address itself says yes to this subscription (anyone could have typed it) first.
    const other = await postWithEmail(server(), THREAD_SLUG, { author: 'Ada', email, body: texts.again, notify: 'replies' })
    const [ask] = await waitForMail(server(), (m) => toAda(m) && m.subject.startsWith('Also email you'))
    const yes = linksOf(ask!).find((url) => url.includes('/notify/confirm?'))!
    await ada.goto(yes)
    await ada.getByRole('button', { name: 'Confirm', exact: true }).click()
    await expect(ada.locator('h1').innerText()).resolves.toBe('Email address confirmed')
    await postAsAuthor(server(), THREAD_SLUG, { body: texts.again2, parentId: other.id })
    const [mail] = await waitForMail(server(), (m) => toAda(m) && m.text.includes(texts.again2))
    await waitForOutboxDrained(server())
    expect((await mailbox(server())).filter((m) => toAda(m) && m.subject.startsWith('Confirm'))).toHaveLength(1)
    const stop = linksOf(mail!).find(isUnsubscribeLink)!
    expect(mail!.headers['List-Unsubscribe']).toBe(`<${stop}>`)
    expect(mail!.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    // What a mail provider sends: a fixed form body, no Origin, no cookie (Node's fetch adds no Origin).
    const oneClick = await fetch(stop, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(oneClick.status).toBe(200)
    await ada.goto(stop)
    await expect(ada.locator('h1').innerText()).resolves.toBe('You are unsubscribed')
  })

  it('logged no console error, CSP violation or dialog in the reader’s pages', () => {
    expect(adaProblems).toEqual({ console: [], errors: [], dialogs: [] })
  })
})
