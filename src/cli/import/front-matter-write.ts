import { stringify } from 'yaml'

/**
 * A markdown file: the fields as YAML front matter, one `key: value` line each in the given order
 * (undefined left out; lists in flow style, `tags: [a, b]`, as the README writes them), then the body.
 */
export function markdownFile(fields: Record<string, unknown>, body: string): string {
  const lines = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${stringify(value, { lineWidth: 0, flowCollectionPadding: false, collectionStyle: 'flow' }).trimEnd()}`)
  return `---\n${lines.join('\n')}\n---\n\n${body.trim()}\n`
}
