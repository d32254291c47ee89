import * as z from 'zod'
import { menuSchema, PAGE_KEYS, translations } from './schema-pages'
import { CONTENT_RULE_KEYS, contentRulesSchema } from './schema-rules'
import { DEFAULT_SITE } from './site-defaults'
import {
  baseUrl,
  bool,
  date,
  emailFrom,
  imageUrl,
  languageTag,
  postSlug,
  show,
  tag,
  text,
  timeZoneName,
  uiLanguage,
  wholeNumber,
} from './schema-fields'
import { accent, embeds, footer, logo, social } from './schema-look'
import type { SiteConfig } from './types'

/**
 * Schemas of what the author writes: the front matter of `content/posts/<slug>.md` and
 * `content/site.yaml`. Every message says what is wrong with the value and how to fix it;
 * `describeIssues` adds the file and the field.
 */

/** The front matter keys a post may have. */
export const FRONT_MATTER_KEYS = ['title', 'date', 'updated', 'tags', 'summary', 'draft', 'lang', 'slug', 'image', 'comments', 'translations', 'closeAfterDays'] as const

/** Days before a discussion closes (site.yaml's `comments.closeAfterDays`, a post's `closeAfterDays`). */
const closeAfterDays = () => wholeNumber(1, 36_500)

/** The front matter schema; dates without an offset are read in `timeZone`, the site's. */
export function frontMatterSchema(timeZone: string) {
  return z.strictObject({
    title: text('every post needs a title: add "title: ..."'),
    date: date(timeZone, 'every post needs a date: add "date: YYYY-MM-DD"'),
    updated: date(timeZone).optional(),
    tags: z
      .array(tag(), { error: (iss) => `must be a list, e.g. [travel, cuisine], not ${show(iss.input)}` })
      .default([]),
    summary: text().optional(),
    draft: bool().default(false),
    lang: languageTag().optional(),
    slug: postSlug().optional(),
    image: imageUrl().optional(),
    comments: bool().default(true),
    translations: translations().optional(),
    closeAfterDays: closeAfterDays().optional(),
  })
}

export type FrontMatter = z.output<ReturnType<typeof frontMatterSchema>>

const D = DEFAULT_SITE

const siteCommentsSchema = z.strictObject({
  moderation: z
    .enum(['all', 'first-time', 'hold'], { error: (iss) => `${show(iss.input)} must be one of all, first-time, hold` })
    .default(D.comments.moderation),
  maxDepth: wholeNumber(1, 50).default(D.comments.maxDepth),
  threadsPerPage: wholeNumber(1, 1000).default(D.comments.threadsPerPage),
  maxLinks: wholeNumber(0, 1000).default(D.comments.maxLinks),
  // Moderation rules and closing old discussions (issue 13, "moderation"): README, "Comments, moderation and email".
  hold: contentRulesSchema.optional(),
  block: contentRulesSchema.optional(),
  closeAfterDays: closeAfterDays().optional(),
  // Readers' tools (issue 13): generated avatars beside comments (false turns them off).
  avatars: bool().default(true),
})

/** `content/site.yaml`: every key optional, defaults from DEFAULT_SITE, unknown keys refused. */
export const siteSchema = z.strictObject({
  title: text().default(D.title),
  description: text().default(D.description),
  author: text().default(D.author),
  language: uiLanguage().default(D.language),
  timeZone: timeZoneName().default(D.timeZone),
  baseUrl: baseUrl().default(D.baseUrl),
  postsPerPage: wholeNumber(1, 100).default(D.postsPerPage),
  cacheMaxAge: wholeNumber(1, 31_536_000).default(D.cacheMaxAge),
  comments: siteCommentsSchema.default({ ...D.comments }),
  email: z
    .strictObject({
      from: emailFrom().default(D.email.from),
      author: z.email({ error: (iss) => `${show(iss.input)} is not an email address (write it like "me@example.com")` }).optional(),
    })
    .default({ ...D.email }),
  // pages: the author's links in the header navigation.
  menu: menuSchema.optional(),
  // The look (issue 11): every key optional, no default (the built-in look). See schema-look.ts.
  logo: logo().optional(),
  accent: accent().optional(),
  footer: footer().optional(),
  social: social().optional(),
  embeds: embeds().optional(),
}) satisfies z.ZodType<SiteConfig>

const ALLOWED_KEYS: Record<string, readonly string[]> = {
  post: FRONT_MATTER_KEYS,
  site: Object.keys(siteSchema.shape),
  'site.comments': Object.keys(siteCommentsSchema.shape),
  'site.email': ['from', 'author'],
  page: PAGE_KEYS,
  'site.menu': ['title', 'url'],
  'site.social': ['title', 'url'],
  'site.comments.hold': CONTENT_RULE_KEYS,
  'site.comments.block': CONTENT_RULE_KEYS,
}

/**
 * One `<file>: <field>: <message>` line per problem in `error`. `kind` names the schema that
 * failed (`post`, `page` or `site`), for the list of allowed keys given with an unknown one.
 */
export function describeIssues(file: string, kind: 'post' | 'page' | 'site', error: z.ZodError): string[] {
  return error.issues.flatMap((issue) => {
    const field = fieldName(issue.path)
    if (issue.code === 'unrecognized_keys') {
      // A list's items share their keys: `menu[0]` allows what `menu` items allow.
      const allowed = ALLOWED_KEYS[[kind, ...issue.path.filter((part) => typeof part !== 'number')].join('.')] ?? []
      return issue.keys.map(
        (key) => `${file}: ${field ? `${field}.` : ''}${key}: unknown key (allowed: ${allowed.join(', ')})`,
      )
    }
    if (issue.code === 'invalid_type' && issue.path.length === 0)
      return [`${file}: must be a YAML mapping of keys to values`]
    return [`${file}: ${field}: ${issue.message}`]
  })
}

function fieldName(path: PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`)).join('')
}
