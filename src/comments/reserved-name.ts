/**
 * The blog author's name is reserved: a reader may not post as the author, nor as a look-alike.
 * Names are compared after folding away what a reader would not notice: compatibility forms
 * (NFKC: full-width letters, ligatures), case, accents, spaces, punctuation, symbols and emoji,
 * zero-width and other invisible characters, and common look-alike letters.
 */

// Look-alikes of Latin letters (after lower-casing and accent removal) and of each other.
const LOOK_ALIKES: Record<string, string> = {
  а: 'a', в: 'b', с: 'c', ԁ: 'd', е: 'e', ɡ: 'g', н: 'h', і: 'i', ј: 'j', к: 'k',
  м: 'm', о: 'o', р: 'p', ԛ: 'q', ѕ: 's', т: 't', у: 'y', х: 'x', ԝ: 'w',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
  ı: 'i', ł: 'i', l: 'i', '1': 'i', '|': 'i', '0': 'o', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe',
}

/** The form of a name used to compare names for impersonation. */
export function foldName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\p{M}\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{P}\p{S}]/gu, (ch) => (ch === '|' ? ch : ''))
    .replace(/./gsu, (ch) => LOOK_ALIKES[ch] ?? ch)
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w')
}

/** True when `name` would pass for `siteAuthor` (never for an empty author name). */
export function isReservedName(name: string, siteAuthor: string): boolean {
  const reserved = foldName(siteAuthor)
  return reserved !== '' && foldName(name) === reserved
}
