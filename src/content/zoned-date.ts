/**
 * Dates as authors write them in front matter, turned into instants. A date or date-time
 * without an offset is wall-clock time in the site's time zone; one with `Z` or an offset is
 * that instant.
 */

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i

/** How front matter dates may be written, for error messages. */
export const DATE_FORMAT_HINT = 'use YYYY-MM-DD or an ISO 8601 date-time'

/**
 * The instant `text` denotes, as an ISO 8601 UTC string (`2026-03-13T23:00:00.000Z`), or null
 * when `text` is not a valid date (bad format, 31 February, hour 25...).
 */
export function parseZonedDate(text: string, timeZone: string): string | null {
  const m = DATE_TIME.exec(text.trim())
  if (!m) return null
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((part) => Number(part ?? 0)) as [
    number, number, number, number, number, number,
  ]
  const ms = Math.floor(Number(`0.${m[7] ?? '0'}`) * 1000)
  const fields = { year, month, day, hour, minute, second, ms }
  if (!isValidWallTime(fields)) return null
  const wall = utcOf(fields)
  const zone = m[8]
  if (zone === undefined) return new Date(wallTimeToInstant(wall, timeZone)).toISOString()
  const offset = offsetMinutes(zone)
  return offset === null ? null : new Date(wall - offset * 60_000).toISOString()
}

interface WallTime {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  ms: number
}

function utcOf(t: WallTime): number {
  const date = new Date(Date.UTC(2000, t.month - 1, t.day, t.hour, t.minute, t.second, t.ms))
  date.setUTCFullYear(t.year) // Date.UTC maps years 0-99 to 1900-1999
  return date.getTime()
}

function isValidWallTime(t: WallTime): boolean {
  if (t.month < 1 || t.month > 12 || t.day < 1 || t.hour > 23 || t.minute > 59 || t.second > 59) return false
  const daysInMonth = new Date(Date.UTC(2000, t.month, 0)).getUTCDate()
  const leap = t.year % 4 === 0 && (t.year % 100 !== 0 || t.year % 400 === 0)
  return t.day <= (t.month === 2 && !leap ? 28 : daysInMonth)
}

/** `Z`, `+02`, `+0200` or `+02:00` in minutes east of UTC; null when out of range. */
function offsetMinutes(zone: string): number | null {
  if (zone.toUpperCase() === 'Z') return 0
  const digits = zone.slice(1).replace(':', '')
  const hours = Number(digits.slice(0, 2))
  const minutes = Number(digits.slice(2) || 0)
  if (hours > 23 || minutes > 59) return null
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes)
}

/**
 * The instant at which clocks in `timeZone` show `wall` (given as if it were UTC). When clocks
 * repeat an hour the first occurrence is taken; a time skipped by a daylight-saving jump is
 * read with the offset before the jump (02:30 becomes 03:30), as Temporal does.
 */
export function wallTimeToInstant(wall: number, timeZone: string): number {
  const day = 86_400_000
  const before = wall - zoneOffset(wall - day, timeZone)
  const after = wall - zoneOffset(wall + day, timeZone)
  const valid = [before, after].filter((instant) => instant + zoneOffset(instant, timeZone) === wall)
  return valid.length ? Math.min(...valid) : before
}

const formatters = new Map<string, Intl.DateTimeFormat>()

/** Milliseconds `timeZone` is ahead of UTC at `instant`. */
function zoneOffset(instant: number, timeZone: string): number {
  let format = formatters.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, format)
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]))
  const year = parts.era === 'BC' ? 1 - Number(parts.year) : Number(parts.year)
  const shown = utcOf({
    year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    ms: 0,
  })
  return shown - (instant - (((instant % 1000) + 1000) % 1000))
}

/** The canonical name of an IANA time zone (`europe/paris` → `Europe/Paris`), or null if unknown. */
export function canonicalTimeZone(timeZone: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone
  } catch {
    return null
  }
}

/** The calendar date (`YYYY-MM-DD`) that people in `timeZone` read at `instant`. */
export function calendarDate(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}`
}
