import type * as z from 'zod'
import { uiStrings } from '../i18n'
import type { ApiError, CommentRejected, FieldsError } from './codes'

/** The JSON API speaks English whatever the site's language: its messages are the English UI strings. */
const ENGLISH = uiStrings('en').comments

/** An ApiError naming each field to fix; routes add their own checks (reserved name, parent) here. */
export function validationError(fields: Record<string, string>, message?: string): FieldsError {
  const first = Object.values(fields)[0]
  return { code: 'invalid_input', message: message ?? first ?? 'The comment is not valid.', fields }
}

/** Turns a zod error of the comment schemas into the API error shape: the first problem per field. */
export function toApiError(error: z.ZodError): FieldsError {
  const fields: Record<string, string> = {}
  let general: string | undefined
  for (const issue of error.issues) {
    const field = issue.path[0]
    if (field === undefined) general ??= issue.message
    else fields[String(field)] ??= issue.message
  }
  const count = Object.keys(fields).length
  const message = general ?? (count > 1 ? `${count} fields need fixing.` : undefined)
  return validationError(fields, message)
}

/** A refused comment as the API says it; the field at fault is named as the JSON spells it. */
export function rejectedApiError(error: CommentRejected): ApiError {
  const message = ENGLISH.errors[error.code]
  const fields = error.field && { [error.field === 'parent' ? 'parentId' : error.field]: message }
  return { code: error.code, message, ...(fields && { fields }) }
}

/** The API's 503 when D1 could not be read or written. */
export const UNAVAILABLE: ApiError = { code: 'unavailable', message: ENGLISH.errors.unavailable }

/** The API's 500: says nothing of the failure, which only the log holds. */
export const INTERNAL_ERROR: ApiError = { code: 'internal_error', message: 'The request failed on the server; try again in a moment.' }
