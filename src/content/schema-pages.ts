import * as z from 'zod'
import { bool, languageTag, postSlug, show, text } from './schema-fields'

/**
 * Schemas of what the site around the posts adds: the front matter of `content/pages/<slug>.md`,
 * the `menu:` links of `site.yaml` and a post's `translations:`. Messages follow schema-fields.ts:
 * what is wrong with the value and how to fix it; `describeIssues` adds the file and the field.
 */

/** The front matter keys a page may have. */
export const PAGE_KEYS = ['title', 'summary', 'lang', 'draft', 'comments', 'menu'] as const

/** A page's front matter: only a title is required; pages take no comments unless asked. */
export const pageSchema = z.strictObject({
  title: text('every page needs a title: add "title: ..."'),
  summary: text().optional(),
  lang: languageTag().optional(),
  draft: bool().default(false),
  comments: bool().default(false),
  menu: z
    .number({ error: (iss) => `must be a number, the page's place in the navigation (e.g. menu: 1), not ${show(iss.input)}` })
    .finite()
    .optional(),
})

export type PageFrontMatter = z.output<typeof pageSchema>

/** A link's target: a root path (`/about`, not `//host`) or an absolute http(s) URL. */
const linkUrl = () =>
  z.string({ error: (iss) => `${show(iss.input)} must be text` }).refine(
    (value) => /^\/(?!\/)\S*$/.test(value) || (/^https?:\/\/[^/\s]+\S*$/i.test(value) && URL.canParse(value)),
    { error: (iss) => `${show(iss.input)} must be a root path such as /archive or an absolute http(s) URL` },
  )

/** One `site.yaml` menu link. */
export const menuLinkSchema = z.strictObject({
  title: text('every menu link needs a title: add "title: ..."'),
  url: linkUrl(),
})

/** `site.yaml`'s `menu:`: links shown after the menu pages, in the order written. */
export const menuSchema = z.array(menuLinkSchema, {
  error: (iss) => `must be a list of links, e.g. [{title: Newsletter, url: https://example.com}], not ${show(iss.input)}`,
})

/**
 * `translations: {en: <slug>}`: language tag (canonicalized) → slug of the post in that
 * language. Whether each post exists and names this one back is checked across files, at publish.
 */
export const translations = () =>
  z
    .record(z.string(), postSlug(), {
      error: (iss) => `must be a mapping of languages to slugs, e.g. {en: my-post}, not ${show(iss.input)}`,
    })
    .transform((map, ctx) => {
      const out: Record<string, string> = {}
      for (const [lang, slug] of Object.entries(map)) {
        const tag = languageTag().safeParse(lang)
        if (tag.success) out[tag.data] = slug
        else ctx.issues.push({ code: 'custom', input: lang, path: [lang], message: `${show(lang)} is not a language tag (use a BCP 47 tag such as en or fr)` })
      }
      return out
    })
