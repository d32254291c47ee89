import type { HtmlEscapedString } from 'hono/utils/html'
import type { CommentField, CommentStrings } from '../i18n'
import type { CommentPolicy } from '../content/types'
import type { NotifyWish } from '../comments/types'
import { HONEYPOT_FIELD } from '../comments/schema'
import { commentAnchor, commentsPath, formPath, type ThreadAddress } from '../urls'

/** What the reader typed, kept when the form comes back with problems. */
export interface CommentFormValues {
  author: string
  email: string
  body: string
  parentId: number | null
  notify: NotifyWish | ''
}

/** The state of a form shown again: a message above it and one message per field at fault. */
export interface CommentFormState {
  values: CommentFormValues
  message?: string
  fields?: Partial<Record<CommentField, string>>
  /** The comment as it would be shown (a sanitized card), after the Preview button. */
  preview?: HtmlEscapedString
}

export interface CommentFormProps {
  ui: CommentStrings
  /** Where the discussion lives: the form posts to its `comments` path. */
  address: ThreadAddress
  policy: CommentPolicy
  /** The comment answered (its id is sent as `parent_id`). */
  replyTo?: { id: number; author: string }
  state?: CommentFormState
  /** The form's heading level: h3 under the discussion's h2, h2 on a page of its own. */
  level?: 2 | 3
  /** Shows the Turnstile widget (its script comes from challenges.cloudflare.com). */
  turnstileSiteKey?: string
}

const FIELD_ORDER: CommentField[] = ['author', 'email', 'body', 'notify']

/**
 * The comment form. In a cached page it is the same for every reader: no token, no value; shown
 * again after a refusal it keeps what was typed, each problem beside its field (`aria-describedby`)
 * and the first field at fault focused, so the reader lands on it without JavaScript.
 */
export function CommentForm({ ui, address, policy, replyTo, state, level = 3, turnstileSiteKey }: CommentFormProps) {
  const Heading = level === 2 ? 'h2' : 'h3'
  const Subheading = level === 2 ? 'h3' : 'h4'
  const values = state?.values
  const errors = state?.fields ?? {}
  const firstError = FIELD_ORDER.find((field) => errors[field])
  const field = (name: CommentField) => ({
    id: `comment-${name}`,
    name,
    'aria-invalid': errors[name] ? ('true' as const) : undefined,
    'aria-describedby': [errors[name] && `comment-${name}-error`, hints[name]].filter(Boolean).join(' ') || undefined,
    autofocus: firstError === name ? true : undefined,
  })
  const error = (name: CommentField) =>
    errors[name] && (
      <p id={`comment-${name}-error`} class="field-error">
        {errors[name]}
      </p>
    )
  return (
    <form id="comment-form" class="comment-form" method="post" action={commentsPath(address)} data-cancel={ui.form.newThread}>
      <Heading>{ui.form.title}</Heading>
      {replyTo && (
        <p class="replying-to">
          {`${ui.form.replyingTo} `}
          <a href={`#${commentAnchor(replyTo.id)}`}>
            <bdi>{replyTo.author}</bdi>
          </a>
          {' · '}
          <a href={formPath(address)}>{ui.form.newThread}</a>
          <input type="hidden" name="parent_id" value={String(replyTo.id)} />
        </p>
      )}
      {state?.message && (
        <div class="form-errors" role="alert">
          <p>{state.message}</p>
        </div>
      )}
      {state?.preview && (
        <section id="comment-preview" class="comment-preview" aria-labelledby="comment-preview-heading">
          <Subheading id="comment-preview-heading">{ui.preview.heading}</Subheading>
          <p class="form-note">{ui.preview.note}</p>
          {state.preview}
        </section>
      )}
      <div class="field">
        <label for="comment-author">{ui.form.name}</label>
        <input {...field('author')} type="text" required autocomplete="name" value={values?.author} />
        {error('author')}
      </div>
      <div class="field">
        <label for="comment-email">{ui.form.email}</label>
        <input {...field('email')} type="email" autocomplete="email" value={values?.email} />
        <small id="comment-email-hint">{ui.form.emailHint}</small>
        {error('email')}
      </div>
      <div class="field">
        <label for="comment-body">{ui.form.body}</label>
        <textarea {...field('body')} required rows={6}>
          {textareaText(values?.body)}
        </textarea>
        <small id="comment-body-hint">{ui.form.bodyHint}</small>
        {error('body')}
      </div>
      <div class="field">
        <label for="comment-notify">{ui.form.notify}</label>
        <select {...field('notify')}>
          <option value="">{ui.form.notifyNone}</option>
          <option value="replies" selected={values?.notify === 'replies'}>
            {ui.form.notifyReplies}
          </option>
          <option value="post" selected={values?.notify === 'post'}>
            {ui.form.notifyPost}
          </option>
        </select>
        {error('notify')}
      </div>
      {/* A trap for bots that fill every field; people never see it. */}
      <p class="hp" aria-hidden="true">
        <label for="comment-website">{ui.form.honeypot}</label>
        <input id="comment-website" name={HONEYPOT_FIELD} type="text" tabindex={-1} autocomplete="off" />
      </p>
      {turnstileSiteKey && (
        <>
          <div class="cf-turnstile" data-sitekey={turnstileSiteKey} />
          <script src="https://challenges.cloudflare.com/turnstile/v0/api.js" async defer />
        </>
      )}
      {policy.moderation !== 'all' && <p class="form-note">{ui.form.heldNote[policy.moderation]}</p>}
      <p>
        <button type="submit">{ui.form.submit}</button>{' '}
        <button type="submit" name="preview" value="1" class="secondary">
          {ui.preview.button}
        </button>
      </p>
    </form>
  )
}

/**
 * The text of a `<textarea>`: HTML drops one newline right after the start tag, so one is added
 * and a text that starts with a newline survives the round trip.
 */
export function textareaText(text = ''): string {
  return `\n${text}`
}

const hints: Partial<Record<CommentField, string>> = { email: 'comment-email-hint', body: 'comment-body-hint' }
