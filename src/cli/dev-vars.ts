import { randomBytes } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** Secrets `npm start` generates; every other key of `.dev.vars.example` is left empty. */
export const GENERATED_SECRETS = ['ADMIN_TOKEN', 'SIGNING_KEY'] as const

/** The `KEY=value` pairs of a `.dev.vars` file (comments and blank lines skipped, quotes removed). */
export function parseDevVars(text: string): Record<string, string> {
  const vars: Record<string, string> = {}
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line)
    if (m) vars[m[1]!] = m[2]!.replace(/^(["'])(.*)\1$/, '$2')
  }
  return vars
}

/**
 * `.dev.vars` made from `.dev.vars.example`: comments kept, generated secrets given a value
 * from `secret()`, every other key emptied (example values are placeholders, not settings).
 */
export function buildDevVars(example: string, secret: () => string): string {
  return example
    .split(/\r?\n/)
    .map((line) => {
      const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line)
      if (!m) return line
      const key = m[1]!
      return `${key}=${(GENERATED_SECRETS as readonly string[]).includes(key) ? secret() : ''}`
    })
    .join('\n')
}

/** 32 random bytes, base64url: a secret that needs no quoting anywhere. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url')
}

/** Creates `<root>/.dev.vars` when it is missing (readable by its owner only). Returns whether it did. */
export async function ensureDevVars(root: string): Promise<boolean> {
  const file = path.join(root, '.dev.vars')
  const example = await readFile(path.join(root, '.dev.vars.example'), 'utf8').catch(() => GENERATED_SECRETS.map((key) => `${key}=`).join('\n'))
  try {
    await writeFile(file, buildDevVars(example, randomSecret), { flag: 'wx', mode: 0o600 })
    return true
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw err
  }
}

/** The value of `key` in `<root>/.dev.vars`, or undefined when the file or the key is missing. */
export async function readDevVar(root: string, key: string): Promise<string | undefined> {
  const text = await readFile(path.join(root, '.dev.vars'), 'utf8').catch(() => '')
  return parseDevVars(text)[key] || undefined
}
