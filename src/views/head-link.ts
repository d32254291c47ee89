import { raw } from 'hono/html'
import { escapeToBuffer, type HtmlEscapedString } from 'hono/utils/html'

/**
 * A `<link>` in the page's head, written as hono's JSX writes one (`<link rel="…" href="…"/>`,
 * attributes in the order given, escaped alike), but not through JSX: hono's `<link>` component
 * hoists every link into the head, rendering each apart and scanning the head rendered so far
 * for `</head>` (the inline stylesheet included). For links already in the head that is a
 * quarter of a post page's render (`npm run bench`, `BENCH_ONLY=views`), and changes nothing.
 */
export function headLink(attributes: Record<string, string>): HtmlEscapedString {
  const buffer = ['<link']
  for (const [name, value] of Object.entries(attributes)) {
    buffer[0] += ` ${name}="`
    escapeToBuffer(value, buffer)
    buffer[0] += '"'
  }
  return raw(`${buffer[0]}/>`)
}
