import * as z from 'zod'
import { contrastProblem, parseColour, passingShade, type Scheme } from './accent'
import { show, text } from './schema-fields'
import type { AccentColours } from './types'

/**
 * The `site.yaml` keys of the site's look: `logo`, `accent`, `footer`, `social` and `embeds`.
 * Whether the logo's file exists is checked by the publish tool, which knows `content/media/`.
 */

/** What browsers show in an `<img>`. */
export const IMAGE_FILE = /\.(?:avif|gif|jpe?g|png|svg|webp)$/i

/** `logo: /media/logo.svg`: an image under `/media/`. */
export const logo = () =>
  z
    .string({ error: (iss) => `${show(iss.input)} must be the path of an image in content/media/, such as /media/logo.svg` })
    .trim()
    .refine((value) => value.startsWith('/media/') && IMAGE_FILE.test(value) && !/[?#]/.test(value), {
      error: (iss) => `${show(iss.input)} must be the path of an image in content/media/ (.svg, .png, .jpg, .webp, .avif or .gif), such as /media/logo.svg`,
    })
    .transform((src) => ({ src }))

const QUOTE_HINT = 'write the colour in quotes, such as accent: "#c2410c": in YAML an unquoted # starts a comment'

/**
 * `accent: "#c2410c"` (light mode; the dark-mode shade is derived: the same hue lightened until
 * it passes) or `accent: {light: …, dark: …}` (either may be left out and is then derived from
 * the other). A colour the author wrote that fails 4.5:1 is refused, never changed: the message
 * gives the ratio and a shade that passes.
 */
export const accent = () =>
  z.unknown().transform((value, ctx): AccentColours => {
    const fail = (message: string, path: string[] = []) => {
      ctx.issues.push({ code: 'custom', input: value, path, message })
      return z.NEVER
    }
    if (value === null) return fail(`is empty (${QUOTE_HINT})`)
    const given: Partial<Record<Scheme, unknown>> =
      typeof value === 'string' ? { light: value } : value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {}
    const extra = Object.keys(given).filter((key) => key !== 'light' && key !== 'dark')
    if (typeof value !== 'string' && (Object.keys(given).length === 0 || extra.length))
      return fail(`must be a colour such as "#c2410c", or a mapping {light: "#c2410c", dark: "#fdba74"}, not ${show(value)}`)
    const colours: Partial<AccentColours> = {}
    let failed = false
    for (const scheme of ['light', 'dark'] as const) {
      const written = given[scheme]
      if (written === undefined) continue
      const path = typeof value === 'string' ? [] : [scheme]
      const colour = typeof written === 'string' ? parseColour(written) : null
      const problem = colour
        ? contrastProblem(colour, scheme, written as string)
        : written === null
          ? `is empty (${QUOTE_HINT})`
          : `${show(written)} is not an opaque CSS colour (write it like "#c2410c", "teal" or "rgb(194 65 12)")`
      if (problem) {
        fail(problem, path)
        failed = true
      } else colours[scheme] = colour!
    }
    if (failed) return z.NEVER
    const light = colours.light ?? passingShade(colours.dark!, 'light')
    return { light, dark: colours.dark ?? passingShade(light, 'dark') }
  })

/** `footer: …`: plain text, one line or a few. */
export const footer = () =>
  text('write the text to show at the bottom of every page').refine((value) => value.length <= 500, {
    error: 'is too long (500 characters at most: the footer is on every page)',
  })

const webOrMailUrl = () =>
  z.string({ error: (iss) => `${show(iss.input)} must be a URL` }).refine(
    (value) => URL.canParse(value) && ['http:', 'https:', 'mailto:'].includes(new URL(value).protocol),
    { error: (iss) => `${show(iss.input)} must be an absolute https:, http: or mailto: URL (such as https://mastodon.social/@camille)` },
  )

/** `social: [{title: Mastodon, url: https://…}]`: shown in the footer, each `rel="me"`. */
export const social = () =>
  z
    .array(z.strictObject({ title: text('name the profile, such as title: Mastodon'), url: webOrMailUrl() }), {
      error: (iss) => `must be a list of {title, url}, such as [{title: Mastodon, url: "https://mastodon.social/@camille"}], not ${show(iss.input)}`,
    })
    .max(20, 'has more than 20 links')

/**
 * `embeds: [www.youtube-nocookie.com, https://player.vimeo.com]`: the hosts whose iframes posts
 * may show, stored as `https://<host>` origins (the CSP's `frame-src`). Only https, and a host
 * alone: the CSP allows whole origins, so a path would promise what it cannot keep.
 */
export const embeds = () =>
  z
    .array(
      z.string({ error: (iss) => `${show(iss.input)} must be a host name such as www.youtube-nocookie.com` }).transform((value, ctx) => {
        const origin = embedOrigin(value)
        if (origin) return origin
        ctx.issues.push({
          code: 'custom',
          input: value,
          message: `${show(value)} is not a host name or https origin (write it like www.youtube-nocookie.com or https://player.vimeo.com, without a path or wildcard)`,
        })
        return z.NEVER
      }),
      { error: (iss) => `must be a list of host names, such as [www.youtube-nocookie.com, player.vimeo.com], not ${show(iss.input)}` },
    )
    .transform((origins) => [...new Set(origins)])

/** `https://<host>[:port]` for a bare host name or an https origin, else null. */
export function embedOrigin(value: string): string | null {
  const written = value.trim()
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(written) ? written : `https://${written}`
  if (!URL.canParse(withScheme)) return null
  const url = new URL(withScheme)
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password
  const host = /^[a-z0-9.-]+(?::\d+)?$/i.test(url.host) && url.hostname.includes('.')
  if (url.protocol !== 'https:' || !bare || !host || !/^(?:https:\/\/)?[^/]+\/?$/i.test(written)) return null
  return url.origin
}
