import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../src/security-headers'

const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `))

describe('contentSecurityPolicy', () => {
  const base = { styleHashes: ["'sha256-abc='"], turnstile: false, embeds: [] }

  it('allows no frame at all without embeds or Turnstile', () => {
    expect(directive(contentSecurityPolicy(base), 'frame-src')).toBe("frame-src 'none'")
  })

  it('allows exactly the embeds origins in frame-src, with Turnstile’s when it is on', () => {
    const embeds = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com']
    expect(directive(contentSecurityPolicy({ ...base, embeds }), 'frame-src')).toBe('frame-src https://www.youtube-nocookie.com https://player.vimeo.com')
    expect(directive(contentSecurityPolicy({ ...base, embeds, turnstile: true }), 'frame-src')).toBe(
      'frame-src https://challenges.cloudflare.com https://www.youtube-nocookie.com https://player.vimeo.com',
    )
  })

  it('keeps every other directive as it was, whatever the embeds', () => {
    const csp = contentSecurityPolicy({ ...base, embeds: ['https://player.vimeo.com'] })
    expect(csp.replace('frame-src https://player.vimeo.com', "frame-src 'none'")).toBe(contentSecurityPolicy(base))
    expect(contentSecurityPolicy(base)).toBe(
      "default-src 'self'; script-src 'self'; frame-src 'none'; style-src 'self' 'sha256-abc='; img-src 'self' https: data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
    )
  })
})
