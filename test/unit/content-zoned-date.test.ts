import { describe, expect, it } from 'vitest'
import { canonicalTimeZone, parseZonedDate } from '../../src/content/zoned-date'

describe('parseZonedDate', () => {
  it('reads a date alone as midnight in the site time zone', () => {
    expect(parseZonedDate('2026-03-14', 'Europe/Paris')).toBe('2026-03-13T23:00:00.000Z')
    expect(parseZonedDate('2026-07-14', 'Europe/Paris')).toBe('2026-07-13T22:00:00.000Z')
    expect(parseZonedDate('2026-03-14', 'UTC')).toBe('2026-03-14T00:00:00.000Z')
  })
  it('reads a date-time without offset in the site time zone, with T or a space', () => {
    expect(parseZonedDate('2026-03-14T08:30', 'America/New_York')).toBe('2026-03-14T12:30:00.000Z')
    expect(parseZonedDate('2026-03-14 08:30:15', 'Asia/Tokyo')).toBe('2026-03-13T23:30:15.000Z')
  })
  it('reads a date-time with Z or an offset as that instant, whatever the zone', () => {
    expect(parseZonedDate('2026-03-14T08:30:00Z', 'Asia/Tokyo')).toBe('2026-03-14T08:30:00.000Z')
    expect(parseZonedDate('2026-03-14T08:30:00+09:00', 'Europe/Paris')).toBe('2026-03-13T23:30:00.000Z')
    expect(parseZonedDate('2026-03-14T08:30-0530', 'UTC')).toBe('2026-03-14T14:00:00.000Z')
    expect(parseZonedDate('2026-03-14T08:30:00.250Z', 'UTC')).toBe('2026-03-14T08:30:00.250Z')
  })
  it('takes the first of two repeated wall times when clocks go back', () => {
    // Paris, 25 October 2026: 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET).
    expect(parseZonedDate('2026-10-25T02:30', 'Europe/Paris')).toBe('2026-10-25T00:30:00.000Z')
  })
  it('reads a wall time skipped by a daylight-saving jump with the offset before it', () => {
    // Paris, 29 March 2026: clocks jump from 02:00 to 03:00, so 02:30 is read as 03:30 CEST.
    expect(parseZonedDate('2026-03-29T02:30', 'Europe/Paris')).toBe('2026-03-29T01:30:00.000Z')
  })
  it('refuses text that is not a date', () => {
    for (const text of ['next tuesday', '14/03/2026', '2026-3-14', '2026-03-14T8:30', '2026-03-14T08:30+25', ''])
      expect(parseZonedDate(text, 'UTC')).toBeNull()
  })
  it('refuses impossible dates and times', () => {
    for (const text of ['2026-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-03-14T24:00', '2026-03-14T10:60'])
      expect(parseZonedDate(text, 'UTC')).toBeNull()
    expect(parseZonedDate('2028-02-29', 'UTC')).toBe('2028-02-29T00:00:00.000Z')
  })
})

describe('canonicalTimeZone', () => {
  it('canonicalizes the case of a known IANA zone', () => {
    expect(canonicalTimeZone('europe/paris')).toBe('Europe/Paris')
  })
  it('is null for a zone that does not exist', () => {
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeNull()
    expect(canonicalTimeZone('Paris')).toBeNull()
  })
})
