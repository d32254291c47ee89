/**
 * WordPress's `wpautop`, the part that matters for conversion: the classic editor stores text
 * without `<p>`, and WordPress makes paragraphs of blank-line-separated runs and `<br />` of
 * single newlines when it shows the post (or a comment). Block-level HTML stays as it is, and
 * nothing inside `<pre>` changes. Block-editor content (`<!-- wp:` comments) is never passed
 * through it, as WordPress does not either.
 */

const BLOCK =
  'table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary|iframe|video|audio|object'
const STARTS_BLOCK = new RegExp(`^<(?:${BLOCK})[\\s/>]`, 'i')
const ENDS_BLOCK = new RegExp(`</(?:${BLOCK})>$`, 'i')
const PROTECTED = /<(pre|script|style|table|ul|ol|dl|figure|blockquote)[\s>][\s\S]*?<\/\1>/gi

export function wpautop(text: string): string {
  if (text.trim() === '') return ''
  const kept: string[] = []
  // Blocks whose inner newlines are not paragraph breaks are set aside whole.
  const shielded = text.replace(/\r\n?/g, '\n').replace(PROTECTED, (block) => `\n\n\u0000${kept.push(block) - 1}\u0000\n\n`)
  const chunks = shielded.split(/\n\s*\n/).map((chunk) => chunk.trim()).filter(Boolean)
  const html = chunks.map((chunk) => {
    if (/^\u0000\d+\u0000$/.test(chunk)) return chunk
    if (STARTS_BLOCK.test(chunk) && ENDS_BLOCK.test(chunk)) return chunk
    return `<p>${chunk.replace(/\n/g, '<br />\n')}</p>`
  })
  return html.join('\n').replace(/\u0000(\d+)\u0000/g, (_, i: string) => kept[Number(i)]!)
}
