/**
 * WordPress shortcodes in post bodies. The known ones become the HTML WordPress would have
 * shown, so the HTML converter handles them like any figure, gallery or link; an unknown one is
 * kept visibly, as typed (escaped so markdown shows it), and named in the import's report.
 */

/** An image WordPress knows by attachment id (for `[gallery ids="…"]`). */
export interface AttachmentRef {
  url: string
  alt: string
  caption: string
  /** The post it is attached to (its "gallery" when `ids` is absent). */
  parent: number
}

export interface ShortcodeContext {
  attachments: Map<number, AttachmentRef>
  postId: number
}

const NAME = '[a-zA-Z][\\w-]*'
// An opening tag `[name attrs]` or `[name attrs /]`, then, for enclosing ones, `…[/name]`.
const SHORTCODE = new RegExp(`\\[(\\[?)(${NAME})(?![\\w-])([^\\]]*?)(\\/)?\\](?:([\\s\\S]*?)\\[\\/\\2\\])?(\\]?)`, 'g')
const ENCLOSING = new Set(['caption', 'wp_caption', 'embed', 'video', 'audio'])

/** Attributes of a shortcode: `a="x" b='y' c=z`, names lowercased. */
export function shortcodeAttributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {}
  for (const m of text.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))/g)) attrs[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? ''
  return attrs
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/**
 * `html` with its shortcodes replaced; `unknown` receives the name of every shortcode left as
 * text. `[[name]]` is WordPress's escape for a literal `[name]`.
 */
export function expandShortcodes(html: string, context: ShortcodeContext, unknown: (name: string) => void): string {
  return html.replace(SHORTCODE, (whole, open: string, name: string, attrText: string, _self, inner: string | undefined, close: string) => {
    if (open === '[' && close === ']') return whole.slice(1, -1)
    const tag = name.toLowerCase()
    // A non-enclosing shortcode matched up to a later `[/x]` of another: only its own tag counts.
    if (inner !== undefined && !ENCLOSING.has(tag)) return expandOne(tag, attrText, undefined, context, unknown, whole) ?? whole
    return expandOne(tag, attrText, inner, context, unknown, whole) ?? whole
  })
}

function expandOne(
  tag: string,
  attrText: string,
  inner: string | undefined,
  context: ShortcodeContext,
  unknown: (name: string) => void,
  whole: string,
): string {
  const attrs = shortcodeAttributes(attrText)
  switch (tag) {
    case 'caption':
    case 'wp_caption': {
      // `[caption]<img …> The caption[/caption]`, or (old) the caption in its attribute.
      const body = inner ?? ''
      const media = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)/i.exec(body)
      const caption = (media ? body.slice(media[0].length) : body).trim() || escapeHtml(attrs.caption ?? '')
      return `<figure>${media?.[1] ?? ''}<figcaption>${caption}</figcaption></figure>`
    }
    case 'gallery': {
      const ids = attrs.ids ?? attrs.include
      const images = ids
        ? ids.split(',').map((id) => context.attachments.get(Number(id.trim())))
        : [...context.attachments.values()].filter((a) => a.parent === context.postId)
      const figures = images
        .filter((image): image is AttachmentRef => image !== undefined)
        .map((image) => `<figure><img src="${escapeHtml(image.url)}" alt="${escapeHtml(image.alt)}">${image.caption ? `<figcaption>${escapeHtml(image.caption)}</figcaption>` : ''}</figure>`)
      return `<div class="gallery">${figures.join('')}</div>`
    }
    case 'embed': {
      const url = (inner ?? attrs.src ?? '').trim()
      return url ? `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>` : ''
    }
    case 'video':
    case 'audio': {
      const url = attrs.src ?? attrs.mp4 ?? attrs.mp3 ?? attrs.webm ?? attrs.ogg ?? ''
      return url ? `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>` : ''
    }
    default:
      unknown(tag)
      return `<span data-shortcode="">${escapeHtml(whole)}</span>`
  }
}
