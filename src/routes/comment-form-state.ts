import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { AUTHOR_MAX, BODY_MAX, EMAIL_MAX } from '../comments/schema'
import type { CommentNode } from '../comments/types'
import { pageOfComment } from '../comments/tree'
import { getPost } from '../content/store'
import type { PostMeta } from '../content/types'
import type { AppEnv } from '../env'
import type { CommentErrorCode, CommentField, CommentStrings } from '../i18n'
import type { CommentFormState, CommentFormValues } from '../views/CommentForm'
import { commentStrings, unavailablePage } from './comment-common'
import { loadThread, postPageHtml } from './post-page'

/** Why the form comes back: a code, and the fields at fault (schema keys) or the one field a rule names. */
export interface FormProblem {
  code: CommentErrorCode
  status?: number
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
    parentId: /^[1-9]\d{0,14}$/.test(parent) ? Number(parent) : null,
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
 * The post page again, uncached, with the form holding what the reader sent and `problem`
 * beside it; the page of the comment answered, so the "replying to" link leads to it.
 */
export async function showForm(
  c: Context<AppEnv>,
  meta: PostMeta,
  form: Record<string, string>,
  status: ContentfulStatusCode,
  problem: FormProblem,
): Promise<Response> {
  const { site } = c.get('index')
  const state = formState(commentStrings(c, meta), formValues(form), problem)
  const [post, thread] = await Promise.all([
    getPost(c.env.CONTENT, meta).catch(() => null),
    loadThread(c.env.DB, meta, site.comments.maxDepth),
  ])
  if (!post) return unavailablePage(c, meta, state.values.body)
  const parentId = state.values.parentId
  const parent = parentId === null || !thread ? undefined : findComment(thread.roots, parentId)
  // Without the thread (D1 down) the parent is kept, so that sending again still replies.
  const replyTo = parentId === null ? undefined : { id: parentId, author: parent?.author ?? `#${parentId}` }
  const page = (parentId !== null && thread && pageOfComment(thread.roots, parentId, site.comments.threadsPerPage)) || 1
  const html = postPageHtml(c, { post, thread, page, form: { ...state, replyTo } })
  return c.html(html ?? '', status)
}

function findComment(roots: readonly CommentNode[], id: number): CommentNode | undefined {
  const stack = [...roots]
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.id === id) return node
    stack.push(...node.replies)
  }
  return undefined
}
