import { describe, expect, it } from 'vitest'
import { describeIssues, frontMatterSchema, siteSchema } from '../../src/content/schema'

/** The site.yaml problems of `comments`, as the publish tool prints them. */
function problems(comments: unknown): string[] {
  const result = siteSchema.safeParse({ comments })
  return result.success ? [] : describeIssues('content/site.yaml', 'site', result.error)
}

describe('comments.hold and comments.block in site.yaml', () => {
  it('normalizes every kind of entry once, at publish', () => {
    const site = siteSchema.parse({
      comments: {
        hold: { words: [' free money '], names: ['Bob'] },
        block: {
          emails: ['Spammer@Example.COM', '@Spam.Example'],
          links: ['SPAM.example', 'https://www.link.example/page', '*.wild.example', 'bücher.example'],
          ips: ['203.0.113.7', '198.51.100.0/24', '2001:db8::/32'],
        },
      },
    })
    expect(site.comments.hold).toEqual({ words: ['free money'], names: ['Bob'], emails: [], links: [], ips: [] })
    expect(site.comments.block).toEqual({
      words: [],
      names: [],
      emails: ['spammer@example.com', '@spam.example'],
      links: ['spam.example', 'www.link.example', 'wild.example', 'xn--bcher-kva.example'],
      ips: ['203.0.113.7', '198.51.100.0/24', '2001:db8::/32'],
    })
  })

  it('leaves both lists out when site.yaml has none', () => {
    const site = siteSchema.parse({})
    expect(site.comments.hold).toBeUndefined()
    expect(site.comments.block).toBeUndefined()
  })

  it('refuses a bad IP range, naming the list, the entry and how to write one', () => {
    expect(problems({ block: { ips: ['198.51.100.0/24', '1.2.3.0/33'] } })).toEqual([
      'content/site.yaml: comments.block.ips[1]: "1.2.3.0/33" is not an IP address or range (write 203.0.113.7, 198.51.100.0/24, 2001:db8::1 or 2001:db8::/32; an IPv4 prefix is at most /32, an IPv6 one /128)',
    ])
    expect(problems({ hold: { ips: ['2001:db8::/129'] } })[0]).toMatch(/^content\/site\.yaml: comments\.hold\.ips\[0\]: "2001:db8::\/129" is not an IP address/)
    expect(problems({ hold: { ips: ['127.1'] } })[0]).toContain('"127.1" is not an IP address')
  })

  it('refuses emails and domains that are none, words without a letter, and unknown kinds', () => {
    expect(problems({ hold: { emails: ['example.com'] } })).toEqual([
      'content/site.yaml: comments.hold.emails[0]: "example.com" is not an email address or domain (write "someone@example.com", or "@example.com" for every address there)',
    ])
    expect(problems({ hold: { links: ['not a domain'] } })).toEqual([
      'content/site.yaml: comments.hold.links[0]: "not a domain" is not a domain (write it like spam.example; its subdomains are included)',
    ])
    expect(problems({ hold: { words: ['!!!'] } })).toEqual(['content/site.yaml: comments.hold.words[0]: "!!!" has no letter or digit to match'])
    expect(problems({ hold: { words: 'casino' } })).toEqual(['content/site.yaml: comments.hold.words: must be a list, e.g. [one, two], not "casino"'])
    expect(problems({ block: { domains: ['x.example'] } })).toEqual([
      'content/site.yaml: comments.block.domains: unknown key (allowed: words, names, emails, links, ips)',
    ])
  })
})

describe('closeAfterDays', () => {
  it('is a whole number of days, in site.yaml and in a post', () => {
    expect(siteSchema.parse({ comments: { closeAfterDays: 30 } }).comments.closeAfterDays).toBe(30)
    expect(problems({ closeAfterDays: 0 })).toEqual(['content/site.yaml: comments.closeAfterDays: must be a whole number from 1 to 36500'])
    expect(frontMatterSchema('UTC').parse({ title: 'T', date: '2026-01-01', closeAfterDays: 7 }).closeAfterDays).toBe(7)
    expect(frontMatterSchema('UTC').safeParse({ title: 'T', date: '2026-01-01', closeAfterDays: 'soon' }).success).toBe(false)
  })
})
