import type { ModerationAction } from '../../comments/moderation'

/**
 * Where destructive and bulk moderation buttons post first (`formaction`): a page that says
 * what will happen and posts to /admin/comments only when its button is pressed. It works
 * without JavaScript, and the form it shows is CSRF-checked like every /admin form.
 */
export const CONFIRM_PATH = '/admin/comments/confirm'

/** Spam and delete hide a comment from readers: styled as dangerous, and asked first. */
export function isDestructive(action: ModerationAction): boolean {
  return action !== 'approve'
}
