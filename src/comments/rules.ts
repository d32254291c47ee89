import type { CommentPolicy, ContentRules } from '../content/types'
import { inRanges, parseIp, parseIpRange, type IpRange } from './ip-range'

/**
 * The author's content rules (`comments.hold` and `comments.block` in site.yaml): lists of
 * words and phrases, names, emails or email domains, link domains, and IP addresses or ranges.
 * Pure: the moderation pipeline (`moderationDecision`, spam.ts) takes the verdict. Entries come
 * validated and normalized by the site schema (src/content/schema-rules.ts).
 */

/** What a comment is checked on. `ip` is the client's, before it is hashed; it is never stored. */
export interface RuleSubject {
  name: string
  email: string | null
  body: string
  /** Host names of the links in the rendered comment (`linkHosts`, link-hosts.ts). */
  linkHosts: readonly string[]
  ip?: string
}

export type RuleKind = keyof ContentRules

/** The first rule a comment matched: which list, which kind of entry, which entry as written. */
export interface RuleMatch {
  list: 'block' | 'hold'
  kind: RuleKind
  entry: string
}

/**
 * Text as words are compared: lowercased, compatibility-decomposed with its marks stripped
 * (`É` and `ｅ` are `e`), and without format characters (a zero-width space or a soft hyphen
 * inside a word does not hide it).
 */
export function foldText(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[\p{M}\p{Cf}]/gu, '')
}

// A word character after folding: an entry matches only where none stands right before or after it.
const WORD_CHAR = '[\\p{L}\\p{N}_]'

/** The pattern of one word or phrase entry: folded, its spaces matching any run of white space. */
function phrasePattern(entry: string): string {
  return foldText(entry)
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'))
    .join('\\s+')
}

/**
 * A matcher for whole words and phrases (Unicode-aware: `ass` is not in `assez` nor in `class`),
 * returning the entry that matched in `text`, or null. One regular expression for the whole
 * list, so a long list costs one scan of the text.
 */
export function wordMatcher(entries: readonly string[]): (text: string) => string | null {
  const patterns = entries.map(phrasePattern).filter(Boolean)
  if (patterns.length === 0) return () => null
  const whole = (pattern: string) => new RegExp(`(?<!${WORD_CHAR})(?:${pattern})(?!${WORD_CHAR})`, 'u')
  const any = whole(patterns.join('|'))
  return (text) => {
    const found = any.exec(foldText(text))
    if (!found) return null
    const index = patterns.findIndex((pattern) => whole(pattern).test(found[0]))
    return entries[index] ?? null
  }
}

/** Whether `host` is `domain` or one of its subdomains (both lowercase, without a trailing dot). */
function underDomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`)
}

/** The entry of `emails` that `email` matches: the whole address, or `@domain` (subdomains included). */
function matchEmail(entries: readonly string[], email: string | null): string | null {
  if (!email) return null
  const address = email.toLowerCase()
  const domain = address.slice(address.lastIndexOf('@') + 1)
  return entries.find((entry) => (entry.startsWith('@') ? underDomain(domain, entry.slice(1)) : entry === address)) ?? null
}

/** Compiled rules of one list: build once, check many comments. */
export type ListMatcher = (subject: RuleSubject) => { kind: RuleKind; entry: string } | null

/** A matcher for one list; an empty or absent list matches nothing. */
export function compileList(rules: ContentRules | undefined): ListMatcher {
  if (!rules) return () => null
  const words = wordMatcher(rules.words)
  const names = wordMatcher(rules.names)
  const ranges = rules.ips.map((entry) => [entry, parseIpRange(entry)] as const).filter((pair): pair is [string, IpRange] => pair[1] !== null)
  return (subject) => {
    const name = names(subject.name)
    if (name) return { kind: 'names', entry: name }
    const word = words(subject.name) ?? words(subject.body) ?? (subject.email ? words(subject.email) : null)
    if (word) return { kind: 'words', entry: word }
    const email = matchEmail(rules.emails, subject.email)
    if (email) return { kind: 'emails', entry: email }
    const link = rules.links.find((domain) => subject.linkHosts.some((host) => underDomain(host, domain)))
    if (link) return { kind: 'links', entry: link }
    const ip = subject.ip ? parseIp(subject.ip) : null
    const range = ip && ranges.find(([, r]) => inRanges(ip, [r]))
    if (range) return { kind: 'ips', entry: range[0] }
    return null
  }
}

// Compiling a list of 500 words and 200 ranges takes over a millisecond (the regular expression
// and the ranges), matching a 10,000-character comment against it a fifth of that: the index is
// read anew per request, so lists are kept per isolate by their content, not by object.
const compiled = new Map<string, ListMatcher>()
const COMPILED_MAX = 8

function cachedList(rules: ContentRules | undefined): ListMatcher {
  if (!rules) return () => null
  const key = JSON.stringify(rules)
  let matcher = compiled.get(key)
  if (!matcher) {
    if (compiled.size >= COMPILED_MAX) compiled.delete(compiled.keys().next().value!)
    matcher = compileList(rules)
    compiled.set(key, matcher)
  }
  return matcher
}

/** The first rule `subject` matches, `block` before `hold`; null when none does. */
export function matchRules(policy: Pick<CommentPolicy, 'hold' | 'block'>, subject: RuleSubject): RuleMatch | null {
  const blocked = cachedList(policy.block)(subject)
  if (blocked) return { list: 'block', ...blocked }
  const held = cachedList(policy.hold)(subject)
  return held ? { list: 'hold', ...held } : null
}
