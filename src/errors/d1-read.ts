/**
 * D1 reads that must not turn into a 500: a failed read is its own value, `READ_FAILED`, distinct
 * from every answer a read can give (`null` or `undefined` for "not found", `[]`). Two copies of
 * `catch → null` and `catch → undefined` used to mean "failed" in one route and "not found" in
 * the next, which is how a 404 can hide an outage.
 */
export const READ_FAILED: unique symbol = Symbol('D1 read failed')
export type ReadFailed = typeof READ_FAILED

/** Runs `read`; when it throws, logs `what` with the error (once, here) and returns `READ_FAILED`. */
export async function tryRead<T>(what: string, read: () => Promise<T>): Promise<T | ReadFailed> {
  try {
    return await read()
  } catch (error) {
    console.error(`${what} failed`, error)
    return READ_FAILED
  }
}
