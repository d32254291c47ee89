/**
 * Every error code Palabre answers, with its HTTP status: the JSON API sends the code on the wire
 * (`{error:{code,message,fields?}}`), the HTML pages pick their message by it. Domain code throws
 * and returns these codes without knowing about HTTP frameworks; routes answer them through
 * `src/routes/errors.tsx`, so a code always gets the same status.
 */
export const ERROR_STATUS = {
  /** Malformed request to the admin API (query or JSON of the wrong shape). */
  invalid_request: 400,
  /** A comment POST whose body is not JSON. */
  invalid_json: 400,
  /** A JSON comment with keys the API does not take. */
  unknown_fields: 400,
  /** A search query over its length or word limit (src/search/query.ts). */
  query_too_long: 400,
  /** The admin API without a valid bearer token. */
  unauthorized: 401,
  comments_closed: 403,
  challenge_failed: 403,
  edit_link_invalid: 403,
  not_found: 404,
  /** A body past its route's limit, refused before parsing. */
  too_large: 413,
  /** Fields to fix (`fields` names each). */
  invalid_input: 422,
  parent_unknown: 422,
  reserved_name: 422,
  rate_limited: 429,
  /** An unexpected failure (the API's 500). */
  internal_error: 500,
  /** Turnstile's siteverify could not be reached. */
  challenge_unavailable: 503,
  /** D1 could not be read or written. */
  unavailable: 503,
} as const

export type ErrorCode = keyof typeof ERROR_STATUS
export type ErrorStatus = (typeof ERROR_STATUS)[ErrorCode]

/** Why a comment was not taken: the codes the comment pages have a message for (src/i18n). */
export type CommentErrorCode = Extract<
  ErrorCode,
  | 'invalid_input'
  | 'comments_closed'
  | 'parent_unknown'
  | 'reserved_name'
  | 'rate_limited'
  | 'challenge_failed'
  | 'challenge_unavailable'
  | 'unavailable'
  | 'edit_link_invalid'
>

/** The codes a comment rule throws (validation answers `invalid_input` with its fields instead). */
export type CommentRuleCode = Exclude<CommentErrorCode, 'invalid_input'>

/**
 * The one error shape of the JSON API (`{error: ApiError}` on the wire; clients rely on it): a stable
 * `code`, a sentence for people, and one message per field to fix when fields are at fault.
 */
export interface ApiError {
  code: ErrorCode
  message: string
  fields?: Record<string, string>
}

/** An ApiError that names the fields at fault (validation). */
export type FieldsError = ApiError & { fields: Record<string, string> }

/** A comment refused by a rule; `status` is the HTTP answer, `field` the input at fault, if one. */
export class CommentRejected extends Error {
  readonly status: ErrorStatus
  constructor(
    readonly code: CommentRuleCode,
    readonly field?: 'author' | 'parent',
  ) {
    super(code)
    this.name = 'CommentRejected'
    this.status = ERROR_STATUS[code]
  }
}
