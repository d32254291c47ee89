import { en } from './en'
import { fr } from './fr'
import { notifyEn } from './notify-en'
import { notifyFr } from './notify-fr'
import type { NotifyStrings } from './notify-types'
import type { UiStrings } from './types'

export type { PluralMessage, UiStrings } from './types'
export { formatCount, formatDate, formatDateTime } from './format'
export type { AdminStrings } from './admin-types'
export type { CommentErrorCode, CommentField, CommentStrings } from './comments-types'
export type { NotifyStrings } from './notify-types'

const BY_LANGUAGE: Record<string, UiStrings> = { en, fr }

/**
 * The UI strings for a BCP 47 language tag, matched on its primary subtag (`fr-CA` → French);
 * English for a language Palabre has no strings for, or for none at all.
 */
export function uiStrings(language: string | undefined): UiStrings {
  const primary = language?.split('-')[0]?.toLowerCase() ?? ''
  return BY_LANGUAGE[primary] ?? en
}

const NOTIFY_BY_LANGUAGE: Record<string, NotifyStrings> = { en: notifyEn, fr: notifyFr }

/** The notification strings (emails, confirm and unsubscribe pages) for a language, as `uiStrings` matches it. */
export function notifyStrings(language: string | undefined): NotifyStrings {
  return NOTIFY_BY_LANGUAGE[uiStrings(language).lang] ?? notifyEn
}
