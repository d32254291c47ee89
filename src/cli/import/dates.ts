import { parseZonedDate } from '../../content/zoned-date'

const ZERO = /^0000-00-00/

/** A WordPress GMT time (`YYYY-MM-DD HH:MM:SS`) as unix ms; null for WordPress's `0000-00-00 00:00:00` (a draft never dated). */
export function gmtInstant(gmt: string): number | null {
  if (!gmt || ZERO.test(gmt)) return null
  const ms = Date.parse(`${gmt.replace(' ', 'T')}Z`)
  return Number.isNaN(ms) ? null : ms
}

/**
 * The instant a WordPress item or comment was dated: its GMT time when it has one, else its local
 * time read in `timeZone` (the Palabre site's: the export does not name WordPress's own zone).
 */
export function wpInstant(local: string, gmt: string, timeZone: string): number | null {
  const exact = gmtInstant(gmt)
  if (exact !== null) return exact
  const read = local && !ZERO.test(local) ? parseZonedDate(local, timeZone) : null
  return read === null ? null : Date.parse(read)
}

const short = (wall: string) => wall.trim().replace(/:00$/, '')

/**
 * The front matter `date` of an item: the local time WordPress showed, as written, when the
 * Palabre site's time zone reads it as the same instant; else that local time with WordPress's
 * offset (`2016-03-14T08:30:00+01:00`), which is the same instant whatever the site's zone. A
 * draft without a GMT time keeps its local time. Null when the item has no usable date.
 */
export function frontMatterDate(local: string, gmt: string, timeZone: string): string | null {
  if (!local || ZERO.test(local)) return null
  const wall = parseZonedDate(local, 'UTC')
  if (wall === null) return null
  const exact = gmtInstant(gmt)
  if (exact === null || parseZonedDate(local, timeZone) === new Date(exact).toISOString()) return short(local)
  const offset = Math.round((Date.parse(wall) - exact) / 60_000)
  const sign = offset < 0 ? '-' : '+'
  const abs = Math.abs(offset)
  const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
  return `${local.trim().replace(' ', 'T')}${zone}`
}
