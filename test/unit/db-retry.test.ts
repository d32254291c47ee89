import { describe, expect, it } from 'vitest'
import { isTransientD1Error, retryTransient } from '../../src/db/retry'

function failing(messages: string[], result = 'stored') {
  let calls = 0
  const write = async () => {
    const message = messages[calls++]
    if (message) throw new Error(message)
    return result
  }
  return { write, calls: () => calls }
}

describe('retryTransient', () => {
  it('retries "Network connection lost" until the write succeeds', async () => {
    const op = failing(['D1_ERROR: Network connection lost.', 'D1_ERROR: Network connection lost.'])
    expect(await retryTransient(op.write, 4, 1)).toBe('stored')
    expect(op.calls()).toBe(3)
  })

  it('throws any other error at once', async () => {
    const op = failing(['D1_ERROR: UNIQUE constraint failed: comments.submit_key'])
    await expect(retryTransient(op.write, 4, 1)).rejects.toThrow('UNIQUE constraint failed')
    expect(op.calls()).toBe(1)
  })

  it('gives up after the last attempt with the last error', async () => {
    const op = failing(Array(5).fill('D1 DB storage caused object to be reset'))
    await expect(retryTransient(op.write, 3, 1)).rejects.toThrow('storage caused object to be reset')
    expect(op.calls()).toBe(3)
  })
})

describe('isTransientD1Error', () => {
  it('recognises the documented transient errors, also as a cause', () => {
    expect(isTransientD1Error(new Error('D1_ERROR: Network connection lost.'))).toBe(true)
    expect(isTransientD1Error(new Error('wrapped', { cause: 'Durable Object reset because its code was updated' }))).toBe(true)
    expect(isTransientD1Error(new Error('SQLITE_CONSTRAINT'))).toBe(false)
    expect(isTransientD1Error(undefined)).toBe(false)
  })
})
