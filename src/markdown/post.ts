import { Marked } from 'marked'
import markedFootnote from 'marked-footnote'
import { postLocale, uiStrings } from '../i18n'
import { en } from '../i18n/en'
import type { MediaSize, PostMeta, SiteConfig } from '../content/types'
import type { UiStrings } from '../i18n/types'
import { footnotesSection, postRenderer, type RenderState } from './post-renderer'

export interface RenderPostOptions {
  /** The site's base URL: a link to any other host is external and gets `rel="noopener"`. */
  baseUrl?: string
  /** Text the renderer writes itself (heading anchor labels, the notes title), in the post's language. */
  labels?: UiStrings['markdown']
  /**
   * Intrinsic sizes of media images by root path (the content index's `media`): their `<img>`
   * get a width and height, so the page does not shift as they load.
   */
  media?: Readonly<Record<string, MediaSize>>
}

/**
 * Version of what `renderPost` makes of a markdown text. It is part of every stored post's
 * content hash, so its KV key: raise it with any change to the renderer's output (its code, its
 * options, marked's upgrade), and the next `npm start` or `npm run deploy` rewrites every post.
 */
export const POST_RENDER_VERSION = 2

// Ids the page around the post uses; a heading never takes one of them.
const RESERVED_IDS = ['main', 'top', 'discussion', 'comments', 'footnote-label']

// marked renders synchronously, so a render's options can live here for the length of one call
// instead of re-configuring the instance (which would rebuild its renderer) on every render.
const state: RenderState = { host: undefined, labels: en.markdown, ids: new Set(), media: undefined, images: 0 }

const marked = new Marked({ gfm: true })
  .use(markedFootnote())
  .use({ renderer: postRenderer(state), extensions: [footnotesSection(state)] })

/**
 * Renders a post's markdown to HTML (GFM, footnotes). Author HTML is trusted and passes through.
 * Headings get unique ids that keep letters of any script, and a visible anchor link; images
 * after the first load lazily, and media images get their size; links to other hosts get
 * `rel="noopener"`. Pure: the same input gives the same HTML.
 */
export function renderPost(markdown: string, options: RenderPostOptions = {}): string {
  state.host = hostOf(options.baseUrl)
  state.labels = options.labels ?? en.markdown
  state.ids = new Set(RESERVED_IDS)
  state.media = options.media
  state.images = 0
  return marked.parse(markdown, { async: false })
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    return new URL(url).host
  } catch {
    return undefined
  }
}

/**
 * The HTML the publish tool stores for a post (and the test fixture seeds): `renderPost` in the
 * post's language, for the site's host, with the sizes of its media images. The Worker serves
 * it as it is and never runs marked.
 */
export function renderPublishedPost(
  site: Pick<SiteConfig, 'baseUrl' | 'language'>,
  post: Pick<PostMeta, 'lang'>,
  markdown: string,
  media?: Readonly<Record<string, MediaSize>>,
): string {
  const labels = uiStrings(postLocale(post, site)).markdown
  return renderPost(markdown, { baseUrl: site.baseUrl, labels, media })
}
