import { type CommentBlock, type LinkDefinitions, parseBlocks } from './comment-blocks'
import { type HrefFilter, InlineRenderer } from './comment-inline'
import { escapeHtml } from './comment-text'

/** Counts the renderer's steps, so tests can show the work grows linearly without a clock. */
export interface StepCounter {
  count: number
}

/**
 * The comment subset's markdown to HTML, before the sanitizer: the same HTML marked made for
 * ordinary comments, in time linear in the text. `filter` decides every link's href.
 */
export function renderCommentMarkdown(text: string, filter: HrefFilter, ops: StepCounter = { count: 0 }): string {
  const lines = text.replace(/\r\n|\r/g, '\n').split('\n')
  const definitions: LinkDefinitions = new Map()
  const blocks = parseBlocks(lines, definitions)
  return renderBlocks(blocks, definitions, filter, ops)
}

function renderBlocks(blocks: CommentBlock[], definitions: LinkDefinitions, filter: HrefFilter, ops: StepCounter): string {
  let html = ''
  for (const block of blocks) {
    ops.count++
    if (block.type === 'paragraph') {
      html += `<p>${new InlineRenderer(block.text, definitions, filter, ops).render()}</p>\n`
    } else if (block.type === 'code') {
      html += `<pre><code>${block.text ? escapeHtml(block.text.replace(/\n$/, '')) + '\n' : ''}</code></pre>\n`
    } else {
      html += `<blockquote>\n${renderBlocks(block.blocks, definitions, filter, ops)}</blockquote>\n`
    }
  }
  return html
}
