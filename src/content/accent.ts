import { clampChroma, formatHex, oklch, parse, wcagContrast } from 'culori'
import type { AccentColours } from './types'

/**
 * The accent colour of `site.yaml`: links, buttons and focus marks. Checked at publish (Node
 * only: culori never reaches the Worker) against every background links sit on, in both colour
 * schemes, for WCAG AA's 4.5:1 for text.
 */

export type { AccentColours }

/** WCAG 2.x AA for normal text (1.4.3): links are text. */
export const MIN_CONTRAST = 4.5

/**
 * The backgrounds links are drawn on, per scheme: the page's `--bg` and `--code-bg` (notices,
 * code). They must match `src/views/styles.ts`, which a unit test checks. Button text is `--bg` on
 * the accent: the same pair of colours, so the same ratio.
 */
export const BACKGROUNDS = {
  light: { page: '#fdfcfa', code: '#f1f2f4' },
  dark: { page: '#15171b', code: '#22252b' },
} as const

export type Scheme = keyof typeof BACKGROUNDS

/** `#rrggbb` for any opaque CSS colour (`#c2410c`, `teal`, `rgb(…)`, `oklch(…)`), else null. */
export function parseColour(value: string): string | null {
  const colour = parse(value.trim())
  if (!colour || (colour.alpha !== undefined && colour.alpha < 1)) return null
  return formatHex(colour)
}

/** The lowest contrast of `colour` against the scheme's backgrounds, and which background gives it. */
export function worstContrast(colour: string, scheme: Scheme): { ratio: number; against: string } {
  const { page, code } = BACKGROUNDS[scheme]
  const onPage = wcagContrast(colour, page)
  const onCode = wcagContrast(colour, code)
  return onPage <= onCode
    ? { ratio: onPage, against: `the ${scheme} page background ${page}` }
    : { ratio: onCode, against: `the ${scheme} background of notices and code ${code}` }
}

/**
 * The shade of `colour` (same OKLCH hue and chroma, as far as sRGB allows) closest in lightness
 * that reaches 4.5:1 on the scheme's backgrounds: darker for light mode, lighter for dark mode.
 * Black or white at worst, which always pass.
 */
export function passingShade(colour: string, scheme: Scheme): string {
  if (worstContrast(colour, scheme).ratio >= MIN_CONTRAST) return colour
  const base = oklch(colour)!
  const shade = (l: number) => formatHex(clampChroma({ ...base, l }, 'oklch'))
  const passes = (l: number) => worstContrast(shade(l), scheme).ratio >= MIN_CONTRAST
  // Light mode darkens (towards l = 0), dark mode lightens (towards l = 1): bisect the lightness.
  let [fail, pass] = scheme === 'light' ? [base.l, 0] : [base.l, 1]
  for (let i = 0; i < 24; i++) {
    const mid = (fail + pass) / 2
    if (passes(mid)) pass = mid
    else fail = mid
  }
  return shade(pass)
}

/** A ratio as a message shows it: rounded down, so a failing 4.499 never reads 4.50. */
export function showRatio(ratio: number): string {
  return `${Math.floor(ratio * 100) / 100}:1`
}

/**
 * Why `colour` cannot be the accent in `scheme`, with the measured ratio and a shade that would
 * pass; undefined when it passes.
 */
export function contrastProblem(colour: string, scheme: Scheme, written: string): string | undefined {
  const { ratio, against } = worstContrast(colour, scheme)
  if (ratio >= MIN_CONTRAST) return undefined
  const direction = scheme === 'light' ? 'darker' : 'lighter'
  return `${JSON.stringify(written)} has a contrast of ${showRatio(ratio)} against ${against}; links need ${MIN_CONTRAST}:1 (WCAG AA). A ${direction} shade of it that passes: ${passingShade(colour, scheme)}`
}
