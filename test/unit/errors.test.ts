import { afterEach, describe, expect, it, vi } from 'vitest'
import { CommentRejected, ERROR_STATUS, READ_FAILED, rejectedApiError, tryRead } from '../../src/errors'

describe('tryRead', () => {
  afterEach(() => vi.restoreAllMocks())

  it('returns what the read found, null and undefined included', async () => {
    await expect(tryRead('reading', async () => null)).resolves.toBeNull()
    await expect(tryRead('reading', async () => undefined)).resolves.toBeUndefined()
    await expect(tryRead('reading', async () => [1])).resolves.toEqual([1])
  })

  it('returns READ_FAILED, never a value a read can find, and logs the failure once', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const failure = new Error('D1_ERROR: Network connection lost.')
    await expect(tryRead('reading comment 7', () => Promise.reject(failure))).resolves.toBe(READ_FAILED)
    expect(log.mock.calls).toEqual([['reading comment 7 failed', failure]])
  })
})

describe('error codes', () => {
  it('give a refused comment the status of its code', () => {
    expect(new CommentRejected('rate_limited').status).toBe(429)
    expect(new CommentRejected('challenge_unavailable').status).toBe(503)
    expect(ERROR_STATUS.invalid_input).toBe(422)
  })

  it('name the field at fault as the JSON API spells it', () => {
    expect(rejectedApiError(new CommentRejected('parent_unknown', 'parent'))).toMatchObject({
      code: 'parent_unknown',
      fields: { parentId: expect.any(String) },
    })
    expect(rejectedApiError(new CommentRejected('rate_limited'))).not.toHaveProperty('fields')
  })
})
