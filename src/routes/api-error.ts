import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** The one error shape of the JSON API: `{error:{code,message,fields}}`. */
export interface ApiError {
  code: string
  message: string
  fields?: Record<string, string>
}

export function apiError(c: Context, status: ContentfulStatusCode, error: ApiError): Response {
  return c.json({ error }, status)
}
