/**
 * The blog author's name is reserved: a reader may not post as the author, nor as a look-alike.
 * Names are compared by their confusable skeleton (UTS #39 §4): every character is replaced by
 * the prototype Unicode's confusables.txt gives it (`ɑ` → `a`, `ᴄ` → `c`, Cyrillic `ӏ` → `i`,
 * `m` → `rn`, `I` and `1` → `l`), so a name in another script, or mixing scripts, that looks
 * like the author's has the author's skeleton. On top of that, what a reader would not notice
 * is folded away: compatibility forms (NFKC: full-width letters, ligatures), case, accents,
 * spaces, punctuation, symbols and emoji, zero-width and other invisible characters.
 *
 * The table is the `unhomoglyph` package's copy of confusables.txt (Unicode 13.0). It is not in
 * the Worker: about 115 KiB of code (31 KiB gzipped) that every isolate would evaluate at start,
 * for what only a comment POST needs. The publish tool stores it in KV beside the posts
 * (src/cli/confusables.ts), and `loadConfusables` (src/comments/confusables-store.ts) reads it
 * once per isolate.
 */

/**
 * Latin small capitals that confusables.txt leaves out (ᴅ, ᴀ, ʀ, ɴ, ʟ…) or maps to another
 * letter (ᴍ → ʍ, ᴋ → ĸ): each is its letter's capital drawn at x-height, which is how a reader
 * sees it. Checked against the table in test/unit/comments-reserved-name.test.ts.
 */
const SMALL_CAPITALS: Record<string, string> = {
  ᴀ: 'a', ʙ: 'b', ᴅ: 'd', ᴇ: 'e', ꜰ: 'f', ɢ: 'g', ʜ: 'h', ᴊ: 'j', ᴋ: 'k', ʟ: 'l', ᴍ: 'm', ɴ: 'n', ᴘ: 'p',
  ꞯ: 'q', ʀ: 'r', ᴛ: 't',
}

/** The skeleton mapping: each source code point → its prototype. */
export type Confusables = ReadonlyMap<string, string>

/** The mapping `foldName` uses, from confusables.txt's entries (as published) and the small capitals above. */
export function confusablesTable(entries: Record<string, string>): Confusables {
  return new Map([...Object.entries(entries), ...Object.entries(SMALL_CAPITALS)])
}

/** UTS #39 skeleton mapping, one code point at a time (every source in the table is one code point). */
function mapConfusables(text: string, table: Confusables): string {
  let out = ''
  for (const ch of text) out += table.get(ch) ?? ch
  return out
}

// Marks go after the skeleton too: the table writes `ø` as `o` + U+0338, `đ` as `d` + U+0335.
const UNNOTICED = /[\p{M}\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{P}\p{S}]/gu

/**
 * The form of a name used to compare names for impersonation. The skeleton is taken twice:
 * before case folding, since the table tells capitals apart (`Ꭰ` → `D`, `ᴅ` → `D`), and after
 * it, since lower-casing makes letters the table maps again (`Ϲ` → `ϲ` → `c`).
 */
export function foldName(name: string, table: Confusables): string {
  const skeleton = (text: string) => mapConfusables(text.normalize('NFD'), table).normalize('NFD')
  return skeleton(skeleton(name).normalize('NFKC').toLowerCase())
    .replace(UNNOTICED, '')
    // One vertical stroke: the table maps Ӏ and I to l but their lower cases ӏ and ı to i.
    .replace(/l/g, 'i')
}

/** True when `name` would pass for `siteAuthor` (never for an empty author name). */
export function isReservedName(name: string, siteAuthor: string, table: Confusables): boolean {
  const reserved = foldName(siteAuthor, table)
  return reserved !== '' && foldName(name, table) === reserved
}
