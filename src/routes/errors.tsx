import type { Context, ErrorHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { HtmlEscapedString } from 'hono/utils/html'
import type { AppEnv } from '../env'
import { ERROR_STATUS, INTERNAL_ERROR, type ApiError, type ErrorCode } from '../errors'
import { ErrorPage } from '../views/ErrorPage'

/**
 * How a route answers an error code (src/errors): API clients get JSON, pages get HTML, and the
 * status always comes from the code, so the same refusal cannot get two statuses.
 */

/** Answers `{error}` with its code's status: the JSON API's only way to say no. */
export function apiError(c: Context, error: ApiError): Response {
  return c.json({ error }, ERROR_STATUS[error.code])
}

/** Answers the HTML `page` that explains `code`, with that code's status. */
export function htmlError(c: Context, code: ErrorCode, page: HtmlEscapedString | Promise<HtmlEscapedString>): Response | Promise<Response> {
  return c.html(page, ERROR_STATUS[code])
}

/** Paths whose clients read JSON: every error under them is answered as JSON. */
const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/')

/**
 * The app's one `onError`: an unexpected failure is logged and answered 500, never cached, as
 * JSON `internal_error` under `/api` (a sub-app without an `onError` of its own, as the
 * notification API is, used to send JSON clients the HTML page) and as the error page elsewhere.
 * Middleware such as bearerAuth throws its intended answer (401 and the like), sent as is.
 */
export const answerError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof HTTPException) return err.getResponse()
  console.error(err)
  c.header('Cache-Control', 'no-store')
  if (isApiPath(c.req.path)) return apiError(c, INTERNAL_ERROR)
  return htmlError(c, 'internal_error', <ErrorPage site={c.get('index')?.site} />)
}
