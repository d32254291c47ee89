import { describe, expect, it } from 'vitest'
import { uiStrings } from '../../src/i18n'
import { formState, formValues } from '../../src/routes/comment-form-state'
import { REPLY_SCRIPT } from '../../src/views/reply-script'

const en = uiStrings('en').comments
const fr = uiStrings('fr').comments

describe('formValues', () => {
  it('keeps the text fields as sent and drops what the form cannot hold', () => {
    expect(formValues({ author: ' Léa ', email: 'x', body: '\nhi', parent_id: '12', notify: 'post', website: 'bot' })).toEqual({
      author: ' Léa ', email: 'x', body: '\nhi', parentId: 12, notify: 'post',
    })
    expect(formValues({ parent_id: '012', notify: 'always' })).toEqual({ author: '', email: '', body: '', parentId: null, notify: '' })
  })

  it('cuts each field to its limit in code points, never half an emoji', () => {
    const values = formValues({ author: `${'😀'.repeat(100)}x`, body: `a${'😀'.repeat(10_000)}`, email: 'e'.repeat(300) })
    expect(values.author).toBe('😀'.repeat(100))
    expect(values.body).toBe(`a${'😀'.repeat(9_999)}`)
    expect(values.email).toBe('e'.repeat(254))
  })
})

describe('formState', () => {
  const values = formValues({ author: 'a', body: 'b', parent_id: '7' })

  it('puts each schema message beside its field, in English as the schema wrote it', () => {
    const state = formState(en, values, { code: 'invalid_input', fields: { author: 'Enter your name.', website: 'ignored' } })
    expect(state.fields).toEqual({ author: 'Enter your name.' })
    expect(state.message).toBe('Your comment is not posted yet: Please correct the fields marked below.')
    expect(state.values.parentId).toBe(7)
  })

  it('uses the language’s own field messages where it has them', () => {
    const state = formState(fr, values, { code: 'invalid_input', fields: { body: 'Write your comment.' } })
    expect(state.fields?.body).toMatch(/^Écrivez votre commentaire/)
  })

  it('turns a reply whose parent is gone into a new comment, and says so', () => {
    for (const problem of [{ code: 'parent_unknown' as const, field: 'parent' as const }, { code: 'invalid_input' as const, fields: { parent_id: 'x' } }]) {
      const state = formState(en, values, problem)
      expect(state.values.parentId).toBeNull()
      expect(state.message).toContain(en.errors.parent_unknown)
    }
  })

  it('shows a rule’s message above the form, or beside the name for the reserved name', () => {
    expect(formState(en, values, { code: 'rate_limited' }).message).toContain(en.errors.rate_limited)
    const reserved = formState(en, values, { code: 'reserved_name', field: 'author' })
    expect(reserved.fields).toEqual({ author: en.errors.reserved_name })
    expect(reserved.message).not.toContain(en.errors.reserved_name)
  })
})


describe('the optional reply script', () => {
  it('is valid JavaScript that needs nothing from the page but the form and the reply links', () => {
    expect(() => new Function(REPLY_SCRIPT)).not.toThrow()
    expect(REPLY_SCRIPT).toContain("getElementById('comment-form')")
    expect(REPLY_SCRIPT).toContain('a[data-reply]')
  })
})
