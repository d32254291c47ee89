import type { PluralMessage } from './types'

// Building an Intl formatter costs far more than using one; pages format many dates.
const dateFormats = new Map<string, Intl.DateTimeFormat>()
const pluralRules = new Map<string, Intl.PluralRules>()
const numberFormats = new Map<string, Intl.NumberFormat>()

function dateFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`
  let format = dateFormats.get(key)
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone })
    } catch {
      // An unknown time zone or tag must not take the page down: fall back to UTC.
      format = new Intl.DateTimeFormat(safeLocale(locale), { dateStyle: 'long', timeZone: 'UTC' })
    }
    dateFormats.set(key, format)
  }
  return format
}

function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en'
  } catch {
    return 'en'
  }
}

/**
 * The calendar date of the instant `iso` as people in `timeZone` read it, in `locale`'s long
 * style: `2026-03-14T23:30:00Z` is "15 mars 2026" in `fr` and `Europe/Paris`.
 */
export function formatDate(iso: string, locale: string, timeZone: string): string {
  return dateFormat(locale, timeZone).format(new Date(iso))
}

/**
 * `message` for the count `n`, with `{n}` replaced by the number as `locale` writes it; the
 * plural form is chosen by `Intl.PluralRules` (French counts 0 and 1 as singular).
 */
export function formatCount(message: PluralMessage, n: number, locale: string): string {
  let rules = pluralRules.get(locale)
  let numbers = numberFormats.get(locale)
  if (!rules || !numbers) {
    const safe = safeLocale(locale)
    rules = new Intl.PluralRules(safe)
    numbers = new Intl.NumberFormat(safe)
    pluralRules.set(locale, rules)
    numberFormats.set(locale, numbers)
  }
  const text = message[rules.select(n)] ?? message.other
  return text.replaceAll('{n}', numbers.format(n))
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()

/** The date and time of `ms` (unix milliseconds) in `timeZone`, in `locale`'s medium/short style (admin lists). */
export function formatDateTime(ms: number, locale: string, timeZone: string): string {
  const key = `${locale}|${timeZone}`
  let format = dateTimeFormats.get(key)
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone })
    } catch {
      format = new Intl.DateTimeFormat(safeLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })
    }
    dateTimeFormats.set(key, format)
  }
  return format.format(new Date(ms))
}
