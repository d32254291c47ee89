import type { ModerationAction } from '../../comments/moderation'

/** Spam and delete hide a comment from readers: styled as dangerous, and asked first. */
export function isDestructive(action: ModerationAction): boolean {
  return action !== 'approve'
}
