import * as z from 'zod'
import { parseIpRange } from '../comments/ip-range'
import { foldText } from '../comments/rules'
import type { ContentRules } from './types'
import { show } from './schema-fields'

/**
 * `comments.hold` and `comments.block` in site.yaml: one mapping per list with a key per kind of
 * entry, so that what an entry is never depends on how it looks (`example.com` under `words` is
 * a word, under `links` a domain), and a mistyped entry is an error naming it rather than a word
 * that silently never matches. Entries are normalized here, once, at publish.
 */

const entry = () => z.string({ error: (iss) => `${show(iss.input)} must be text (put it in quotes)` }).trim()

/** A word or phrase: something a whole-word match can find. */
const phrase = () =>
  entry().refine((value) => /[\p{L}\p{N}]/u.test(foldText(value)), {
    error: (iss) => `${show(iss.input)} has no letter or digit to match`,
  })

/** A host name, lowercase, IDNs in punycode (as links are compared); null when it is none. */
function hostName(value: string): string | null {
  const host = value.replace(/^\*?\./, '').replace(/\.$/, '')
  if (!/^[^\s/:@?#]+$/u.test(host) || !URL.canParse(`http://${host}`)) return null
  const parsed = new URL(`http://${host}`).hostname
  return /^[a-z0-9-]+(?:\.[a-z0-9-]+)*$/.test(parsed) && !parsed.split('.').some((label) => label === '') ? parsed : null
}

/** A link domain: `spam.example`, or a URL whose host is taken (`https://spam.example/page`). */
const linkDomain = () =>
  entry().transform((value, ctx) => {
    const host = /^https?:\/\//i.test(value) && URL.canParse(value) ? hostName(new URL(value).hostname) : hostName(value.toLowerCase())
    if (host) return host
    ctx.issues.push({ code: 'custom', input: value, message: `${show(value)} is not a domain (write it like spam.example; its subdomains are included)` })
    return z.NEVER
  })

/** An email address, or `@domain` for every address at that domain and its subdomains. */
const emailOrDomain = () =>
  entry().transform((value, ctx) => {
    const at = value.lastIndexOf('@')
    const domain = at >= 0 ? hostName(value.slice(at + 1).toLowerCase()) : null
    const local = value.slice(0, at)
    if (domain && (at === 0 || /^[^\s@<>]+$/.test(local))) return `${local.toLowerCase()}@${domain}`
    const message = `${show(value)} is not an email address or domain (write "someone@example.com", or "@example.com" for every address there)`
    ctx.issues.push({ code: 'custom', input: value, message })
    return z.NEVER
  })

/** An IPv4 or IPv6 address or CIDR range, kept as written (trimmed). */
const ipRange = () =>
  entry().refine((value) => parseIpRange(value) !== null, {
    error: (iss) =>
      `${show(iss.input)} is not an IP address or range (write 203.0.113.7, 198.51.100.0/24, 2001:db8::1 or 2001:db8::/32; an IPv4 prefix is at most /32, an IPv6 one /128)`,
  })

const list = <T extends z.ZodType<string, unknown>>(item: T) =>
  z.array(item, { error: (iss) => `must be a list, e.g. [one, two], not ${show(iss.input)}` }).default([])

/** One list of rules (`comments.hold` or `comments.block`); every key optional. */
export const contentRulesSchema = z.strictObject({
  words: list(phrase()),
  names: list(phrase()),
  emails: list(emailOrDomain()),
  links: list(linkDomain()),
  ips: list(ipRange()),
}) satisfies z.ZodType<ContentRules, unknown>

/** The keys of a rules list, for the message about an unknown one. */
export const CONTENT_RULE_KEYS = Object.keys(contentRulesSchema.shape)
