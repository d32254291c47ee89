import { describe, expect, it } from 'vitest'
import { httpTransport, parseFrom, RESEND_URL, sendEmailTransport, transportName } from '../../src/notify/transports'
import type { OutgoingEmail } from '../../src/notify/types'

const email: OutgoingEmail = {
  from: 'Carnets <blog@blog.example>',
  to: 'ana@example.com',
  subject: 'Hello',
  text: 'Text',
  html: '<p>Text</p>',
  headers: { 'List-Unsubscribe': '<https://blog.example/u>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  idempotencyKey: 'palabre-notify-7',
}

/** A stand-in for the provider's API: records requests, answers with `status`. */
function provider(status: number, body = '') {
  const calls: Request[] = []
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push(new Request(input, init))
    return new Response(body, { status })
  }
  return { calls, fetch: fetch as typeof globalThis.fetch }
}

describe('transportName', () => {
  it('uses the mailbox when no key and no binding are configured (development)', () => {
    expect(transportName({}, 'readers')).toBe('mailbox')
    expect(transportName({ EMAIL_TRANSPORT: 'auto', EMAIL_API_KEY: '' }, 'author')).toBe('mailbox')
  })

  it('sends readers’ mail through the HTTP API once a key is set', () => {
    expect(transportName({ EMAIL_API_KEY: 're_123' }, 'readers')).toBe('http')
    expect(transportName({ EMAIL_API_KEY: 're_123' }, 'author')).toBe('http')
  })

  it('prefers the send_email binding for the author’s own notices, not for readers', () => {
    const SEND_EMAIL = { send: async () => ({ messageId: 'x' }) } as unknown as SendEmail
    expect(transportName({ SEND_EMAIL, EMAIL_API_KEY: 're_123' }, 'author')).toBe('send_email')
    expect(transportName({ SEND_EMAIL, EMAIL_API_KEY: 're_123' }, 'readers')).toBe('http')
  })

  it('obeys an explicit EMAIL_TRANSPORT for every email', () => {
    expect(transportName({ EMAIL_TRANSPORT: 'mailbox', EMAIL_API_KEY: 're_123' }, 'readers')).toBe('mailbox')
    expect(transportName({ EMAIL_TRANSPORT: 'HTTP' }, 'author')).toBe('http')
  })
})

describe('httpTransport', () => {
  it('posts the email as Resend expects, with the key and an idempotency key', async () => {
    const api = provider(200, '{"id":"abc"}')
    expect(await httpTransport({ apiKey: 're_123', fetch: api.fetch }).send(email)).toEqual({ ok: true })
    const [request] = api.calls
    expect(request!.url).toBe(RESEND_URL)
    expect(request!.method).toBe('POST')
    expect(request!.headers.get('Authorization')).toBe('Bearer re_123')
    expect(request!.headers.get('Idempotency-Key')).toBe('palabre-notify-7')
    expect(await request!.json()).toEqual({
      from: email.from,
      to: ['ana@example.com'],
      subject: 'Hello',
      text: 'Text',
      html: '<p>Text</p>',
      headers: email.headers,
    })
  })

  it('calls 429 and 5xx worth retrying, other refusals permanent', async () => {
    for (const [status, permanent] of [[429, false], [500, false], [503, false], [408, false], [401, true], [422, true]] as const) {
      const result = await httpTransport({ apiKey: 'k', fetch: provider(status, 'nope').fetch }).send(email)
      expect(result).toEqual({ ok: false, error: `HTTP ${status}: nope`, permanent })
    }
  })

  it('turns a network error into a retryable failure instead of throwing', async () => {
    const broken = (async () => {
      throw new TypeError('fetch failed')
    }) as typeof fetch
    expect(await httpTransport({ apiKey: 'k', fetch: broken }).send(email)).toEqual({
      ok: false,
      error: 'TypeError: fetch failed',
      permanent: false,
    })
  })
})

describe('sendEmailTransport', () => {
  it('hands the binding a structured message with the sender’s name apart', async () => {
    const sent: unknown[] = []
    const binding = { send: async (message: unknown) => (sent.push(message), { messageId: 'm' }) } as unknown as SendEmail
    expect(await sendEmailTransport(binding).send(email)).toEqual({ ok: true })
    expect(sent).toEqual([
      {
        from: { name: 'Carnets', email: 'blog@blog.example' },
        to: 'ana@example.com',
        subject: 'Hello',
        text: 'Text',
        html: '<p>Text</p>',
        headers: email.headers,
      },
    ])
  })

  it('reports the binding’s refusal as a failure', async () => {
    const binding = { send: async () => Promise.reject(new Error('destination address not verified')) } as unknown as SendEmail
    expect(await sendEmailTransport(binding).send(email)).toEqual({
      ok: false,
      error: 'send_email: destination address not verified',
      permanent: false,
    })
  })
})

describe('parseFrom', () => {
  it('splits a display name from the address, and keeps a bare address', () => {
    expect(parseFrom('Le "blog" <blog@example.com>')).toEqual({ name: 'Le "blog"', email: 'blog@example.com' })
    expect(parseFrom('"Quoted" <q@example.com>')).toEqual({ name: 'Quoted', email: 'q@example.com' })
    expect(parseFrom('blog@example.com')).toBe('blog@example.com')
    expect(parseFrom('<blog@example.com>')).toBe('blog@example.com')
  })
})
