import { Marked } from 'marked'

const marked = new Marked({ gfm: true })

/**
 * Renders a post's markdown to HTML. Author HTML is trusted and passes through.
 * (Placeholder: the reading-side work adds heading anchors, lazy images, footnotes, link rels.)
 */
export function renderPost(markdown: string): string {
  return marked.parse(markdown, { async: false })
}
