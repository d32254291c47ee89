/** Date formats of the feed formats. Both throw a RangeError on an invalid date. */

/** RFC 3339 (Atom, sitemaps), in UTC: `2026-01-15T09:00:00Z`. */
export function rfc3339(instant: string | Date): string {
  return new Date(instant).toISOString().replace('.000Z', 'Z')
}

/**
 * RFC 822 as RSS 2.0 wants it, with a four-digit year: `Thu, 15 Jan 2026 09:00:00 GMT`
 * (`toUTCString` writes exactly RFC 7231's IMF-fixdate, a subset of RFC 822/1123).
 */
export function rfc822(instant: string | Date): string {
  const date = new Date(instant)
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid date: ${String(instant)}`)
  return date.toUTCString()
}
