import { describe, expect, it } from 'vitest'
import { inRanges, parseIp, parseIpRange } from '../../src/comments/ip-range'
import { linkHosts } from '../../src/comments/link-hosts'
import { foldText, matchRules, wordMatcher, type RuleSubject } from '../../src/comments/rules'
import type { ContentRules } from '../../src/content/types'
import { renderComment } from '../../src/markdown/comment'

const rules = (overrides: Partial<ContentRules>): ContentRules => ({ words: [], names: [], emails: [], links: [], ips: [], ...overrides })
const subject = (overrides: Partial<RuleSubject> = {}): RuleSubject => ({ name: 'Léa', email: null, body: 'Hello.', linkHosts: [], ...overrides })

describe('wordMatcher', () => {
  it('matches whole words only, Unicode-aware: "ass" is not in "assez" nor in "class"', () => {
    const match = wordMatcher(['ass'])
    expect(match('You ass!')).toBe('ass')
    expect(match('ass')).toBe('ass')
    expect(match('(ass)')).toBe('ass')
    expect(match('C’est assez.')).toBeNull()
    expect(match('first class')).toBeNull()
    expect(match('passé')).toBeNull()
    expect(match('ass_hat')).toBeNull()
    expect(match('ass2')).toBeNull()
  })

  it('ignores case and accents on both sides', () => {
    expect(wordMatcher(['CAFÉ'])('un cafe noir')).toBe('CAFÉ')
    expect(wordMatcher(['cafe'])('Un CAFÉ noir')).toBe('cafe')
    expect(wordMatcher(['garcon'])('Garçon !')).toBe('garcon')
    expect(wordMatcher(['cafe'])('cafe\u0301')).toBe('cafe')
  })

  it('sees through compatibility forms and zero-width characters', () => {
    expect(wordMatcher(['viagra'])('ｖｉａｇｒａ here')).toBe('viagra')
    expect(wordMatcher(['viagra'])('via\u200Bgra')).toBe('viagra')
    expect(wordMatcher(['viagra'])('via\u00ADgra')).toBe('viagra')
  })

  it('matches phrases across any white space, and entries with punctuation literally', () => {
    const match = wordMatcher(['free money', 'c++', 'a.b'])
    expect(match('get FREE\n  money now')).toBe('free money')
    expect(match('freemoney')).toBeNull()
    expect(match('I write c++ daily')).toBe('c++')
    expect(match('axb')).toBeNull()
    expect(match('see a.b')).toBe('a.b')
  })

  it('matches letters of other scripts as words too', () => {
    expect(wordMatcher(['дурак'])('ты дурак!')).toBe('дурак')
    expect(wordMatcher(['дурак'])('дураки')).toBeNull()
  })
})

describe('matchRules', () => {
  it('checks words on the name, the email and the text, and names on the name only', () => {
    const hold = rules({ words: ['casino'], names: ['Bob Spam'] })
    expect(matchRules({ hold }, subject({ body: 'Best CASINO online' }))).toEqual({ list: 'hold', kind: 'words', entry: 'casino' })
    expect(matchRules({ hold }, subject({ name: 'Casino King' }))?.kind).toBe('words')
    expect(matchRules({ hold }, subject({ email: 'casino@example.com' }))?.kind).toBe('words')
    expect(matchRules({ hold }, subject({ name: 'bob  spam' }))).toEqual({ list: 'hold', kind: 'names', entry: 'Bob Spam' })
    expect(matchRules({ hold }, subject({ body: 'I agree with Bob Spam' }))).toBeNull()
  })

  it('matches an email address exactly and a domain with its subdomains', () => {
    const block = rules({ emails: ['spammer@example.com', '@spam.example'] })
    expect(matchRules({ block }, subject({ email: 'Spammer@Example.com' }))).toEqual({ list: 'block', kind: 'emails', entry: 'spammer@example.com' })
    expect(matchRules({ block }, subject({ email: 'other@example.com' }))).toBeNull()
    expect(matchRules({ block }, subject({ email: 'x@spam.example' }))?.entry).toBe('@spam.example')
    expect(matchRules({ block }, subject({ email: 'x@mail.spam.example' }))?.entry).toBe('@spam.example')
    expect(matchRules({ block }, subject({ email: 'x@notspam.example' }))).toBeNull()
  })

  it('matches link domains with their subdomains, not look-alike suffixes', () => {
    const block = rules({ links: ['spam.example'] })
    const hosts = (body: string) => linkHosts(renderComment(body))
    expect(matchRules({ block }, subject({ linkHosts: hosts('[x](https://spam.example/a)') }))?.entry).toBe('spam.example')
    expect(matchRules({ block }, subject({ linkHosts: hosts('see https://www.SPAM.example/?a=1&b=2') }))?.entry).toBe('spam.example')
    expect(matchRules({ block }, subject({ linkHosts: hosts('[x](mailto:me@spam.example)') }))?.entry).toBe('spam.example')
    expect(matchRules({ block }, subject({ linkHosts: hosts('[x](https://notspam.example/)') }))).toBeNull()
    expect(matchRules({ block }, subject({ linkHosts: hosts('spam.example is not a link') }))).toBeNull()
  })

  it('matches IPv4 and IPv6 addresses and CIDR ranges, an IPv4-mapped address as IPv4', () => {
    const block = rules({ ips: ['203.0.113.7', '198.51.100.0/24', '2001:db8::/32', '::1'] })
    const ip = (address: string) => matchRules({ block }, subject({ ip: address }))?.entry ?? null
    expect(ip('203.0.113.7')).toBe('203.0.113.7')
    expect(ip('203.0.113.8')).toBeNull()
    expect(ip('198.51.100.255')).toBe('198.51.100.0/24')
    expect(ip('198.51.101.0')).toBeNull()
    expect(ip('::ffff:198.51.100.9')).toBe('198.51.100.0/24')
    expect(ip('2001:db8:1234::5')).toBe('2001:db8::/32')
    expect(ip('2001:0DB8:0000::1')).toBe('2001:db8::/32')
    expect(ip('2001:db9::1')).toBeNull()
    expect(ip('0:0:0:0:0:0:0:1')).toBe('::1')
    expect(ip('not an ip')).toBeNull()
    expect(matchRules({ block }, subject())).toBeNull()
  })

  it('puts block before hold, and matches nothing without rules', () => {
    const policy = { hold: rules({ words: ['casino'] }), block: rules({ words: ['casino'] }) }
    expect(matchRules(policy, subject({ body: 'casino' }))?.list).toBe('block')
    expect(matchRules({}, subject({ body: 'casino', ip: '203.0.113.7' }))).toBeNull()
  })
})

describe('ip ranges', () => {
  it('takes strict forms only: four-part IPv4, prefixes within the family', () => {
    expect(parseIpRange('10.0.0.0/8')).not.toBeNull()
    expect(parseIpRange('2001:db8::/128')).not.toBeNull()
    expect(parseIpRange('1.2.3.0/33')).toBeNull()
    expect(parseIpRange('2001:db8::/129')).toBeNull()
    expect(parseIpRange('127.1')).toBeNull()
    expect(parseIpRange('0x7f.0.0.1')).toBeNull()
    expect(parseIpRange('1.2.3.256')).toBeNull()
    expect(parseIpRange('example.com')).toBeNull()
  })

  it('never matches an address of the other family', () => {
    const v4 = parseIpRange('0.0.0.0/0')!
    expect(inRanges(parseIp('2001:db8::1')!, [v4])).toBe(false)
    expect(inRanges(parseIp('192.0.2.1')!, [v4])).toBe(true)
  })
})

describe('foldText', () => {
  it('lowercases and strips marks', () => {
    expect(foldText('Ça ÉTÉ Ünïcödé')).toBe('ca ete unicode')
  })
})
