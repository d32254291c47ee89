/**
 * URL slugs of posts and tags. Slugs may be in any script (French accents, CJK): letters, marks
 * and digits are kept, lowercased and NFC-normalized, so one word always has one URL.
 */

const NOT_SLUG_CHAR = /[^\p{L}\p{M}\p{N}]+/gu

/**
 * The slug of `text`: NFC, lowercase, every run of characters that are not letters, marks or
 * digits (spaces, punctuation, emoji) turned into one `-`, with no `-` at either end. May be
 * empty when `text` holds no letter or digit.
 */
export function slugify(text: string): string {
  // Lowercasing can decompose (U+0130 → i + U+0307), so normalize after it as well.
  return text
    .normalize('NFC')
    .toLowerCase()
    .normalize('NFC')
    .replace(NOT_SLUG_CHAR, '-')
    .replace(/^-+|-+$/g, '')
}

/** Whether `slug` is already in slug form (non-empty and unchanged by `slugify`). */
export function isValidSlug(slug: string): boolean {
  return slug !== '' && slugify(slug) === slug
}

/** The URL form of a tag, as in `/tags/<tagSlug>`; tags differing only in case or punctuation share it. */
export function tagSlug(tag: string): string {
  return slugify(tag)
}
