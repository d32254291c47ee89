import type { StepCounter } from './comment-markdown'

/**
 * Emphasis and strong emphasis: CommonMark's delimiter stack over a list of HTML pieces. Each
 * `*` or `_` run that may open or close is one piece; when an opener and a closer pair up, their
 * pieces get the tags and the runs between become text. "Openers bottom" remembers, per kind of
 * closer, below which no opener can match, so no delimiter is looked at twice: linear.
 */

export interface Delimiter {
  piece: number
  char: string
  count: number
  length: number
  canOpen: boolean
  canClose: boolean
  prev: Delimiter | null
  next: Delimiter | null
  opens: string
  closes: string
}

export class DelimiterStack {
  top: Delimiter | null = null

  constructor(
    private readonly pieces: string[],
    private readonly ops: StepCounter,
  ) {}

  push(piece: number, char: string, length: number, canOpen: boolean, canClose: boolean): void {
    const delimiter: Delimiter = {
      piece, char, count: length, length, canOpen, canClose, prev: this.top, next: null, opens: '', closes: '',
    }
    if (this.top) this.top.next = delimiter
    this.top = delimiter
  }

  /** CommonMark's process_emphasis over the delimiters above `bottom`, which then leave the stack. */
  process(bottom: Delimiter | null): void {
    const openersBottom = new Map<string, Delimiter | null>()
    let closer = bottom ? bottom.next : this.first()
    while (closer) {
      this.ops.count++
      if (!closer.canClose) {
        closer = closer.next
        continue
      }
      const key = `${closer.char}${closer.canOpen ? 1 : 0}${closer.length % 3}`
      const floor = openersBottom.has(key) ? openersBottom.get(key)! : bottom
      let opener = closer.prev
      while (opener && opener !== bottom && opener !== floor) {
        this.ops.count++
        if (opener.canOpen && opener.char === closer.char) {
          const odd = (closer.canOpen || opener.canClose) && (opener.length + closer.length) % 3 === 0
            && !(opener.length % 3 === 0 && closer.length % 3 === 0)
          if (!odd) break
        }
        opener = opener.prev
      }
      if (opener && opener !== bottom && opener !== floor) {
        const use = closer.count >= 2 && opener.count >= 2 ? 2 : 1
        const tag = use === 2 ? 'strong' : 'em'
        opener.count -= use
        closer.count -= use
        opener.opens = `<${tag}>${opener.opens}`
        closer.closes = `${closer.closes}</${tag}>`
        for (let d = opener.next; d && d !== closer; d = d.next) this.remove(d)
        if (opener.count === 0) this.remove(opener)
        if (closer.count === 0) {
          const next = closer.next
          this.remove(closer)
          closer = next
        }
      } else {
        openersBottom.set(key, closer.prev)
        const next = closer.next
        if (!closer.canOpen) this.remove(closer)
        closer = next
      }
    }
    while (this.top && this.top !== bottom) this.remove(this.top)
  }

  private first(): Delimiter | null {
    let d = this.top
    while (d?.prev) d = d.prev
    return d
  }

  /** Takes a delimiter off the stack; its characters that were not used stay as text. */
  private remove(d: Delimiter): void {
    this.pieces[d.piece] = d.closes + d.char.repeat(d.count) + d.opens
    if (d.prev) d.prev.next = d.next
    if (d.next) d.next.prev = d.prev
    if (this.top === d) this.top = d.prev
    this.ops.count++
  }
}
