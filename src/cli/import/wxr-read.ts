import { createReadStream } from 'node:fs'
import { SaxesParser, type SaxesTagPlain } from 'saxes'
import type { WxrAuthor, WxrChannel, WxrComment, WxrDocument, WxrItem, WxrTerm } from './wxr-types'

/** A file that cannot be imported: not XML, truncated, or XML that is not a WordPress export. */
export class WxrError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line === undefined ? message : `line ${line}, column ${column}: ${message}`)
  }
}

const TAIL = 1 << 20

/** An element below `<channel>`, kept only until its own end tag is read. */
interface Node {
  name: string
  attributes: Record<string, string>
  children: Node[]
  text: string
  line: number
}

/**
 * Reads a WordPress export with a strict streaming XML parser (saxes): one `<item>` at a time is
 * held as a tree, then turned into a `WxrItem`. Rejects with a `WxrError` naming the line and
 * column of the first XML error (a truncated file ends inside an element), or saying why the
 * document is not a WordPress export.
 */
export async function readWxrFile(file: string, onItem?: (count: number) => void): Promise<WxrDocument> {
  const reader = new WxrReader(onItem)
  for await (const chunk of createReadStream(file, { encoding: 'utf8' })) reader.write(chunk as string)
  return reader.end()
}

/** The same from a string (tests, and the dry run of a file already in memory). */
export function readWxr(xml: string): WxrDocument {
  const reader = new WxrReader()
  reader.write(xml)
  return reader.end()
}

class WxrReader {
  private readonly parser = new SaxesParser({ position: true })
  private readonly stack: Node[] = []
  private depth = 0
  private root = ''
  private readonly channel: WxrChannel = { title: '', link: '', language: '', wxrVersion: '', baseSiteUrl: '', baseBlogUrl: '', authors: [] }
  private readonly items: WxrItem[] = []
  private error: WxrError | null = null
  /** The last characters read, to point at the `&` that started a bad entity. */
  private tail = ''
  private tailStart = 0

  constructor(private readonly onItem?: (count: number) => void) {
    const p = this.parser
    p.on('error', (err) => {
      // saxes prefixes its messages with "line:column: "; ours says it in words.
      const message = err.message.replace(/^\d+:\d+: /, '')
      this.error ??= /entity/i.test(message) ? this.atAmpersand(message) : new WxrError(message, p.line, p.column + 1)
    })
    p.on('opentag', (tag) => this.open(tag as SaxesTagPlain))
    p.on('closetag', () => this.close())
    p.on('text', (text) => this.addText(text))
    p.on('cdata', (text) => this.addText(text))
  }

  write(chunk: string): void {
    if (this.error) return
    this.tail += chunk
    if (this.tail.length > TAIL) {
      this.tailStart += this.tail.length - TAIL
      this.tail = this.tail.slice(-TAIL)
    }
    this.parser.write(chunk)
    if (this.error) throw this.error
  }

  end(): WxrDocument {
    if (!this.error) this.parser.close()
    if (this.error) throw this.error
    if (this.root !== 'rss') throw new WxrError(`this is not a WordPress export: its root element is <${this.root || 'none'}>, not <rss> (export the blog with Tools → Export in WordPress)`)
    if (!this.channel.wxrVersion) throw new WxrError('this is an RSS feed, not a WordPress export: it has no <wp:wxr_version> (export the blog with Tools → Export in WordPress, not its feed)')
    return { channel: this.channel, items: this.items }
  }

  /**
   * saxes reads a bare `&` as the start of an entity up to the next `;`, possibly many lines
   * on, and reports the error there: the first `&` after the `;` before that one is where the
   * entity began, and what the author must fix.
   */
  private atAmpersand(message: string): WxrError {
    const p = this.parser
    const end = p.position - this.tailStart
    const amp = this.tail.indexOf('&', this.tail.lastIndexOf(';', end - 2) + 1)
    if (amp < 0 || amp >= end) return new WxrError(message, p.line, p.column + 1)
    const between = this.tail.slice(amp, end)
    const line = p.line - (between.match(/\n/g)?.length ?? 0)
    const column = amp - this.tail.lastIndexOf('\n', amp - 1)
    return new WxrError(`${message} (a bare "&": write it &amp;)`, line, column)
  }

  private open(tag: SaxesTagPlain): void {
    this.depth++
    if (this.depth === 1) this.root = tag.name
    if (this.depth < 3) return
    const node: Node = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [], text: '', line: this.parser.line }
    this.stack.at(-1)?.children.push(node)
    this.stack.push(node)
  }

  private close(): void {
    this.depth--
    if (this.depth < 2) return
    const node = this.stack.pop()!
    if (this.depth === 2) this.channelChild(node)
  }

  private addText(text: string): void {
    const node = this.stack.at(-1)
    if (node) node.text += text
  }

  private channelChild(node: Node): void {
    const c = this.channel
    const text = node.text.trim()
    switch (node.name) {
      case 'title': c.title = text; break
      case 'link': c.link = text; break
      case 'language': c.language = text; break
      case 'wp:wxr_version': c.wxrVersion = text; break
      case 'wp:base_site_url': c.baseSiteUrl = text; break
      case 'wp:base_blog_url': c.baseBlogUrl = text; break
      case 'wp:author': c.authors.push(toAuthor(node)); break
      case 'item':
        this.items.push(toItem(node))
        this.onItem?.(this.items.length)
        break
    }
  }
}

const child = (node: Node, name: string): string => node.children.find((c) => c.name === name)?.text ?? ''
const trimmed = (node: Node, name: string): string => child(node, name).trim()
const int = (node: Node, name: string): number => Number.parseInt(trimmed(node, name), 10) || 0

function toAuthor(node: Node): WxrAuthor {
  return {
    id: int(node, 'wp:author_id'),
    login: trimmed(node, 'wp:author_login'),
    email: trimmed(node, 'wp:author_email'),
    displayName: trimmed(node, 'wp:author_display_name'),
  }
}

function toItem(node: Node): WxrItem {
  const terms: WxrTerm[] = node.children
    .filter((c) => c.name === 'category' && c.attributes.domain)
    .map((c) => ({ domain: c.attributes.domain!, nicename: c.attributes.nicename ?? '', name: c.text.trim() }))
  const meta = Object.fromEntries(
    node.children.filter((c) => c.name === 'wp:postmeta').map((m) => [trimmed(m, 'wp:meta_key'), child(m, 'wp:meta_value')]),
  )
  return {
    line: node.line,
    id: int(node, 'wp:post_id'),
    title: trimmed(node, 'title'),
    link: trimmed(node, 'link'),
    creator: trimmed(node, 'dc:creator'),
    content: child(node, 'content:encoded'),
    excerpt: child(node, 'excerpt:encoded').trim(),
    date: trimmed(node, 'wp:post_date'),
    dateGmt: trimmed(node, 'wp:post_date_gmt'),
    name: trimmed(node, 'wp:post_name'),
    status: trimmed(node, 'wp:status'),
    type: trimmed(node, 'wp:post_type'),
    parent: int(node, 'wp:post_parent'),
    menuOrder: int(node, 'wp:menu_order'),
    commentStatus: trimmed(node, 'wp:comment_status'),
    attachmentUrl: trimmed(node, 'wp:attachment_url'),
    terms,
    meta,
    comments: node.children.filter((c) => c.name === 'wp:comment').map(toComment),
  }
}

function toComment(node: Node): WxrComment {
  return {
    id: int(node, 'wp:comment_id'),
    author: trimmed(node, 'wp:comment_author'),
    email: trimmed(node, 'wp:comment_author_email'),
    url: trimmed(node, 'wp:comment_author_url'),
    date: trimmed(node, 'wp:comment_date'),
    dateGmt: trimmed(node, 'wp:comment_date_gmt'),
    content: child(node, 'wp:comment_content'),
    approved: trimmed(node, 'wp:comment_approved'),
    type: trimmed(node, 'wp:comment_type'),
    parent: int(node, 'wp:comment_parent'),
    userId: int(node, 'wp:comment_user_id'),
  }
}
