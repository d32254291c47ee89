import { describe, expect, it } from 'vitest'
import { STYLES } from '../../src/views/styles'

/** The custom properties of the first `:root{…}` rule at or after `from`. */
function palette(from: number): Record<string, string> {
  const rule = /:root\{([^}]*)\}/.exec(STYLES.slice(from))?.[1] ?? ''
  return Object.fromEntries([...rule.matchAll(/--([\w-]+):(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2]]))
}

// WCAG 2.x relative luminance and contrast ratio.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

const TEXT_PAIRS: [string, string][] = [
  ['fg', 'bg'],
  ['muted', 'bg'],
  ['accent', 'bg'],
  ['accent-visited', 'bg'],
  ['fg', 'code-bg'],
  ['muted', 'code-bg'],
  ['accent', 'code-bg'],
  ['banner-fg', 'banner-bg'],
]

describe('the stylesheet', () => {
  const schemes = { light: palette(0), dark: palette(STYLES.indexOf('prefers-color-scheme:dark')) }

  for (const [scheme, colours] of Object.entries(schemes)) {
    it(`gives text WCAG AA contrast (4.5:1) in the ${scheme} scheme`, () => {
      for (const [fg, bg] of TEXT_PAIRS) {
        expect(colours[fg], `--${fg}`).toBeDefined()
        expect(contrast(colours[fg] as string, colours[bg] as string), `--${fg} on --${bg}`).toBeGreaterThanOrEqual(4.5)
      }
    })

    it(`gives the focus ring 3:1 contrast in the ${scheme} scheme`, () => {
      expect(contrast(colours.focus as string, colours.bg as string)).toBeGreaterThanOrEqual(3)
    })
  }

  it('has a dark scheme that redefines every colour', () => {
    expect(Object.keys(schemes.dark).sort()).toEqual(Object.keys(schemes.light).sort())
  })

  it('shows keyboard focus and offers a skip link', () => {
    expect(STYLES).toMatch(/:focus-visible\{outline:3px solid/)
    expect(STYLES).toMatch(/\.skip:focus\{top:/)
  })

  it('keeps lines to a readable measure in the system font', () => {
    expect(STYLES).toMatch(/\.wrap\{max-width:6\dch/)
    expect(STYLES).toMatch(/font-family:system-ui/)
  })

  it('cannot end its <style> element early and loads nothing', () => {
    expect(STYLES).not.toMatch(/<\/style/i)
    expect(STYLES).not.toMatch(/@import|url\(/)
  })
})
