import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ApiError } from '../comments/schema'

export type { ApiError }

/** Answers `{error}` with `status`: the JSON API's only way to say no. */
export function apiError(c: Context, status: ContentfulStatusCode, error: ApiError): Response {
  return c.json({ error }, status)
}
