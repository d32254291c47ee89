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
  return BY_LANGUAGE[primarySubtag(language)] ?? en
}

/** The languages Palabre has UI strings for, as primary subtags: site.yaml's `language` must be one. */
export const UI_LANGUAGES: readonly string[] = Object.keys(BY_LANGUAGE)

/** Whether Palabre has UI strings for `language` (`fr-CA` counts as French). */
export function hasUiStrings(language: string): boolean {
  return Object.hasOwn(BY_LANGUAGE, primarySubtag(language))
}

/**
 * The language the page of a post speaks (its strings and dates): the post's `lang` when Palabre
 * has strings for it, else the site's. A post written in another language keeps its own `lang`
 * on its text; the page around it stays in the site's language rather than turn English.
 */
export function postLocale(post: { lang?: string }, site: { language: string }): string {
  return post.lang && hasUiStrings(post.lang) ? post.lang : site.language
}

function primarySubtag(language: string | undefined): string {
  return language?.split('-')[0]?.toLowerCase() ?? ''
}

const NOTIFY_BY_LANGUAGE: Record<string, NotifyStrings> = { en: notifyEn, fr: notifyFr }

/** The notification strings (emails, confirm and unsubscribe pages) for a language, as `uiStrings` matches it. */
export function notifyStrings(language: string | undefined): NotifyStrings {
  return NOTIFY_BY_LANGUAGE[uiStrings(language).lang] ?? notifyEn
}
