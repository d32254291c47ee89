import { describe, expect, it } from 'vitest'
import { renderComment, safeHref } from '../../src/markdown/comment'
import { renderCommentMarkdown, type StepCounter } from '../../src/markdown/comment-markdown'
import { CRAFTED_UNITS, craftedBody } from '../fixtures/comments/crafted-bodies'
import { liveMarkup } from '../fixtures/comments/inert'

// No clocks in tests: the renderer counts its steps, and a quadratic path shows as steps that
// grow a hundredfold when the body grows tenfold. The bench (npm run bench) times the same bodies.

function steps(body: string): number {
  const ops: StepCounter = { count: 0 }
  renderCommentMarkdown(body, safeHref, ops)
  return ops.count
}

describe('renderComment on crafted bodies', () => {
  it.each(Object.entries(CRAFTED_UNITS))('does work linear in the length for %s', (_, unit) => {
    const small = steps(craftedBody(unit, 1_000))
    const large = steps(craftedBody(unit, 10_000))
    expect(large).toBeLessThanOrEqual(12 * Math.max(small, 100))
    expect(large).toBeLessThanOrEqual(20 * 10_000)
  })

  it.each(Object.entries(CRAFTED_UNITS))('renders %s inert', (_, unit) => {
    const body = craftedBody(unit)
    expect(liveMarkup(renderComment(body))).toEqual([])
  })

  it('counts steps on ordinary text too (the counter is live)', () => {
    expect(steps('*a* and **b** [c](https://c.example) `d`')).toBeGreaterThan(5)
  })

  it('keeps quotes nested 16 deep and shows deeper markers as text', () => {
    const html = renderComment(`${'> '.repeat(20)}deep`)
    expect(html.match(/<blockquote>/g)).toHaveLength(16)
    expect(html).toContain('&gt; &gt; &gt; &gt; deep')
  })
})
