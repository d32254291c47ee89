import type { Context } from 'hono'
import { AUTHOR_MAX, BODY_MAX, EMAIL_MAX } from '../comments/schema'
import { getComment } from '../comments/store'
import type { DiscussionHost } from '../content/discussion-host'
import { parseId } from '../db/ids'
import type { AppEnv } from '../env'
import { READ_FAILED, tryRead, type CommentErrorCode } from '../errors'
import type { CommentField, CommentStrings } from '../i18n'
import type { CommentFormState, CommentFormValues } from '../views/CommentForm'
import { CommentFormPage } from '../views/CommentFormPage'
import { commentStrings } from './comment-common'
import { turnstileSiteKey } from './comment-deps'
import { htmlError } from './errors'

/** Why the form comes back: a code (its status is the answer's), and the fields at fault (schema keys) or the one field a rule names. */
export interface FormProblem {
  code: CommentErrorCode
  field?: 'author' | 'parent'
  fields?: Record<string, string>
}

const FIELDS: readonly string[] = ['author', 'email', 'body', 'notify'] satisfies CommentField[]

/** The first `max` code points of `text` (never half of a surrogate pair). */
function upTo(text: string, max: number): string {
  if (text.length <= max) return text
  let units = 0
  let count = 0
  for (const char of text) {
    if (++count > max) break
    units += char.length
  }
  return text.slice(0, units)
}

/**
 * What the reader sent, as the form shows it again: only the form's own fields, each cut to its
 * limit (a refused input never comes back larger than the field takes), values it cannot hold dropped.
 */
export function formValues(form: Record<string, string>): CommentFormValues {
  const parent = form.parent_id ?? ''
  const notify = form.notify
  return {
    author: upTo(form.author ?? '', AUTHOR_MAX),
    email: upTo(form.email ?? '', EMAIL_MAX),
    body: upTo(form.body ?? '', BODY_MAX),
    parentId: parseId(parent),
    notify: notify === 'replies' || notify === 'post' ? notify : '',
  }
}

/**
 * The form's state after `problem`: the summary message, each field's message in the post's
 * language, and the values kept. A reply whose parent is gone becomes a new comment.
 */
export function formState(ui: CommentStrings, values: CommentFormValues, problem: FormProblem): CommentFormState {
  const fields: Partial<Record<CommentField, string>> = {}
  for (const [field, message] of Object.entries(problem.fields ?? {})) {
    if (FIELDS.includes(field)) fields[field as CommentField] = ui.fieldError(field as CommentField, message)
  }
  if (problem.field === 'author') fields.author = ui.errors[problem.code]
  const parentGone = problem.field === 'parent' || problem.fields?.parent_id !== undefined
  const messages = [
    parentGone && ui.errors.parent_unknown,
    Object.keys(fields).length > 0 && ui.errors.invalid_input,
    problem.code !== 'invalid_input' && !problem.field && ui.errors[problem.code],
  ].filter((message): message is string => Boolean(message))
  return {
    values: parentGone ? { ...values, parentId: null } : values,
    message: `${ui.form.errorSummary} ${messages.join(' ')}`,
    fields,
  }
}

/**
 * The comment form again, uncached, holding what the reader sent with `problem` beside it, with
 * the status of `problem.code`: the form alone (a reply shows the comment answered), never the
 * post and its thread, so that a refused POST (422, 429, 503) costs one small render and one read.
 */
export async function showForm(c: Context<AppEnv>, meta: DiscussionHost, form: Record<string, string>, problem: FormProblem): Promise<Response> {
  const state = formState(commentStrings(c, meta), formValues(form), problem)
  return htmlError(c, problem.code, await formPage(c, meta, state))
}

/**
 * The page of the form alone in `state` (never cached: no route that sends it calls `cacheFor`):
 * a reply shows the comment answered above it, read once.
 */
export async function formPage(c: Context<AppEnv>, meta: DiscussionHost, state: CommentFormState) {
  const parentId = state.values.parentId
  const read = parentId === null ? null : await tryRead(`reading comment ${parentId}`, () => getComment(c.env.DB, parentId))
  const parent = read && read !== READ_FAILED && read.postSlug === meta.slug && read.status === 'approved' ? read : undefined
  // Without the comment answered (D1 down, or no longer public) the reply is kept, so that sending again still replies.
  const replyTo = parentId !== null && !parent ? { id: parentId, author: `#${parentId}` } : undefined
  return <CommentFormPage site={c.get('index').site} post={meta} state={state} parent={parent} replyTo={replyTo} turnstileSiteKey={turnstileSiteKey(c)} />
}
