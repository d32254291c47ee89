import { parseDocument } from 'yaml'

/**
 * The YAML between the opening `---` line and the next `---` (or `...`) line, and the markdown
 * after it. Null when the file does not start with front matter.
 */
export function splitFrontMatter(text: string): { yaml: string; body: string } | null {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  if (lines[0]?.trimEnd() !== '---') return null
  const end = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line))
  if (end < 0) return null
  return { yaml: lines.slice(1, end).join('\n'), body: lines.slice(end + 1).join('\n').replace(/^\s*\n/, '') }
}

/**
 * The YAML as plain data (dates stay strings: yaml's default core schema has no timestamps),
 * or undefined after recording its errors. `firstLine` is the file line the YAML starts on.
 */
export function parseYaml(file: string, yaml: string, firstLine: number, errors: string[]): unknown {
  const doc = parseDocument(yaml, { prettyErrors: true, uniqueKeys: true })
  if (doc.errors.length === 0) return doc.toJS()
  for (const error of doc.errors) {
    const line = (error.linePos?.[0].line ?? 1) + firstLine - 1
    const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
    errors.push(`${file}: invalid YAML at line ${line}: ${reason} (fix the syntax; quote values that contain ": " or start with a special character)`)
  }
  return undefined
}

/** `key:` with no value means the key is not set. */
export function withoutNulls(data: unknown): unknown {
  if (!isMapping(data)) return data
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== null))
}

export function isMapping(data: unknown): data is Record<string, unknown> {
  return data !== null && typeof data === 'object' && !Array.isArray(data)
}
