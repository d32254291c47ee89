import { wcagContrast } from 'culori'
import { describe, expect, it } from 'vitest'
import { BACKGROUNDS, MIN_CONTRAST, passingShade, worstContrast } from '../../src/content/accent'
import { describeIssues, siteSchema } from '../../src/content/schema'
import { embedOrigin } from '../../src/content/schema-look'
import { STYLES } from '../../src/views/styles'

/** The site's messages for `input`, or its parsed look when it is valid. */
function parse(input: Record<string, unknown>) {
  const result = siteSchema.safeParse(input)
  if (!result.success) return { errors: describeIssues('content/site.yaml', 'site', result.error) }
  const { logo, accent, footer, social, embeds } = result.data
  return { logo, accent, footer, social, embeds }
}

describe('accent', () => {
  it('takes any opaque CSS colour that passes 4.5:1 in light mode, and derives a dark-mode shade that passes too', () => {
    for (const written of ['#c2410c', '#0A58CA', 'navy', 'rgb(110 40 160)', 'darkgreen']) {
      const { accent } = parse({ accent: written })
      expect(accent?.light).toMatch(/^#[0-9a-f]{6}$/)
      for (const scheme of ['light', 'dark'] as const) expect(worstContrast(accent![scheme], scheme).ratio).toBeGreaterThanOrEqual(MIN_CONTRAST)
    }
    expect(parse({ accent: '#c2410c' }).accent).toEqual({ light: '#c2410c', dark: passingShade('#c2410c', 'dark') })
  })

  it('takes both shades as written when both pass, and derives the one left out', () => {
    expect(parse({ accent: { light: '#0a58ca', dark: '#8ab4f8' } }).accent).toEqual({ light: '#0a58ca', dark: '#8ab4f8' })
    const derived = parse({ accent: { dark: '#fdba74' } }).accent!
    expect(derived.dark).toBe('#fdba74')
    expect(worstContrast(derived.light, 'light').ratio).toBeGreaterThanOrEqual(MIN_CONTRAST)
  })

  it('refuses a colour that fails, giving the measured ratio against the background it fails on and a shade that passes', () => {
    const measured = Math.floor(wcagContrast('#ff9900', BACKGROUNDS.light.code) * 100) / 100
    const suggestion = passingShade('#ff9900', 'light')
    expect(parse({ accent: '#ff9900' }).errors).toEqual([
      `content/site.yaml: accent: "#ff9900" has a contrast of ${measured}:1 against the light background of notices and code #f1f2f4; links need 4.5:1 (WCAG AA). A darker shade of it that passes: ${suggestion}`,
    ])
    expect(worstContrast(suggestion, 'light').ratio).toBeGreaterThanOrEqual(MIN_CONTRAST)
    expect(parse({ accent: { light: '#0a58ca', dark: '#0a58ca' } }).errors).toEqual([
      expect.stringMatching(/^content\/site\.yaml: accent\.dark: "#0a58ca" has a contrast of 2\.38:1 against the dark background of notices and code #22252b; .* A lighter shade of it that passes: #[0-9a-f]{6}$/),
    ])
  })

  it('never rounds a failing ratio up to a passing one in its message', () => {
    // Found by bisection: just under 4.5:1 on the light code background.
    const justUnder = passingShade('#ff9900', 'light')
    expect(worstContrast(justUnder, 'light').ratio).toBeLessThan(4.6)
    const { errors } = parse({ accent: '#7a7a7a' })
    expect(errors?.[0]).toMatch(/has a contrast of [0-4]\.\d+:1/)
  })

  it('refuses what is not an opaque colour, and says to quote a # that YAML read as a comment', () => {
    expect(parse({ accent: 'blurple' }).errors).toEqual([
      'content/site.yaml: accent: "blurple" is not an opaque CSS colour (write it like "#c2410c", "teal" or "rgb(194 65 12)")',
    ])
    expect(parse({ accent: '#fff8' }).errors?.[0]).toContain('is not an opaque CSS colour')
    expect(parse({ accent: 'url(javascript:alert(1))' }).errors?.[0]).toContain('is not an opaque CSS colour')
    expect(parse({ accent: null }).errors).toEqual([
      'content/site.yaml: accent: is empty (write the colour in quotes, such as accent: "#c2410c": in YAML an unquoted # starts a comment)',
    ])
    expect(parse({ accent: { light: '#0a58ca', hover: '#000' } }).errors?.[0]).toContain('must be a colour such as "#c2410c", or a mapping {light')
  })

  it('measures against the backgrounds the stylesheet really has', () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page, code } = BACKGROUNDS[scheme]
      const root = scheme === 'light' ? STYLES : STYLES.slice(STYLES.indexOf('prefers-color-scheme:dark'))
      expect(root).toMatch(new RegExp(`^[^}]*--bg:${page};[^}]*--code-bg:${code};`))
    }
  })
})

describe('logo, footer and social links', () => {
  it('takes a logo under /media/ and refuses other paths', () => {
    expect(parse({ logo: '/media/logo.svg' }).logo).toEqual({ src: '/media/logo.svg' })
    for (const logo of ['logo.svg', '/images/logo.png', 'https://cdn.example/logo.png', '/media/notes.pdf', '/media/logo.png?v=2']) {
      expect(parse({ logo }).errors?.[0]).toMatch(/^content\/site\.yaml: logo: .* must be the path of an image in content\/media\//)
    }
  })

  it('trims the footer text and refuses an empty or very long one', () => {
    expect(parse({ footer: '  Texts under CC BY 4.0.  ' }).footer).toBe('Texts under CC BY 4.0.')
    expect(parse({ footer: '  ' }).errors?.[0]).toContain('footer: is empty')
    expect(parse({ footer: 'x'.repeat(501) }).errors?.[0]).toContain('footer: is too long')
  })

  it('takes http(s) and mailto profile links, and refuses other schemes and unknown keys', () => {
    const social = [
      { title: 'Mastodon', url: 'https://mastodon.social/@camille' },
      { title: 'Email', url: 'mailto:camille@example.com' },
    ]
    expect(parse({ social }).social).toEqual(social)
    expect(parse({ social: [{ title: 'x', url: 'javascript:alert(1)', icon: 'x.svg' }, { url: 'https://a.example' }] }).errors).toEqual([
      'content/site.yaml: social[0].url: "javascript:alert(1)" must be an absolute https:, http: or mailto: URL (such as https://mastodon.social/@camille)',
      'content/site.yaml: social[0].icon: unknown key (allowed: title, url)',
      'content/site.yaml: social[1].title: is missing (name the profile, such as title: Mastodon)',
    ])
    expect(parse({ social: 'https://a.example' }).errors?.[0]).toContain('social: must be a list of {title, url}')
  })
})

describe('embeds', () => {
  it('stores each host as its https origin, once', () => {
    expect(parse({ embeds: ['www.youtube-nocookie.com', 'https://player.vimeo.com', 'https://player.vimeo.com/', 'PLAYER.vimeo.com'] }).embeds).toEqual([
      'https://www.youtube-nocookie.com',
      'https://player.vimeo.com',
    ])
  })

  it('refuses http, paths, wildcards, CSP keywords and bare words', () => {
    for (const value of ['http://player.vimeo.com', 'https://x.example/embed', '*.example.com', "'self'", "'unsafe-inline'", 'localhost', 'data:', 'a.example b.example', 'https://user@x.example'])
      expect(embedOrigin(value), value).toBeNull()
    expect(parse({ embeds: ['x.example; script-src *'] }).errors?.[0]).toMatch(/^content\/site\.yaml: embeds\[0\]: .* is not a host name or https origin/)
  })
})
