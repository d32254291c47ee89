import { tagSlug } from './slug'
import type { PostMeta } from './types'

/** One month of the archive: its number (1-12) and its posts, newest first. */
export interface ArchiveMonth {
  month: number
  posts: PostMeta[]
}

export interface ArchiveYear {
  year: number
  months: ArchiveMonth[]
}

const yearMonthFormats = new Map<string, Intl.DateTimeFormat>()

/** The year and month of the instant `iso` as people in `timeZone` read their calendar. */
function yearMonth(iso: string, timeZone: string): [number, number] {
  let format = yearMonthFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric' })
    yearMonthFormats.set(timeZone, format)
  }
  const parts = format.formatToParts(new Date(iso))
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  return [part('year'), part('month')]
}

/**
 * `posts` (newest first, as the index keeps them) grouped by year and month in `timeZone`: a post
 * dated 2026-03-31T23:30Z is in April in Paris. Years and months newest first.
 */
export function groupByMonth(posts: PostMeta[], timeZone: string): ArchiveYear[] {
  const years: ArchiveYear[] = []
  for (const post of posts) {
    const [year, month] = yearMonth(post.date, timeZone)
    let y = years.at(-1)
    if (y?.year !== year) years.push((y = { year, months: [] }))
    let m = y.months.at(-1)
    if (m?.month !== month) y.months.push((m = { month, posts: [] }))
    m.posts.push(post)
  }
  return years
}

/** A tag as the list of tags shows it: its name as first written, its slug, its public posts. */
export interface TagCount {
  tag: string
  slug: string
  count: number
}

/**
 * Every tag of `posts` with its number of posts. Tags that share a slug (`Café`, `café`) are one
 * tag, named as the newest post writes it, as its page names it; sorted by `collator`.
 */
export function countTags(posts: PostMeta[], collator: Intl.Collator): TagCount[] {
  const tags = new Map<string, TagCount>()
  for (const post of posts) {
    for (const tag of post.tags) {
      const slug = tagSlug(tag)
      const entry = tags.get(slug)
      if (entry) entry.count++
      else tags.set(slug, { tag, slug, count: 1 })
    }
  }
  return [...tags.values()].sort((a, b) => collator.compare(a.tag, b.tag) || (a.slug < b.slug ? -1 : 1))
}
