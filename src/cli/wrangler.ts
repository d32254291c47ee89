import { spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { INDEX_KEY } from '../content/keys'
import type { ContentIndex } from '../content/types'

/** The project root (where wrangler.toml is): wrangler runs there. */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..')

/** Where KV lives: `--local` is the state `wrangler dev` reads (`.wrangler/state`), else Cloudflare. */
export interface KvTarget {
  local: boolean
  signal?: AbortSignal
}

const WRANGLER_BIN = path.join(
  path.dirname(createRequire(import.meta.url).resolve('wrangler/package.json')),
  'bin/wrangler.js',
)

/** The command that runs wrangler on the Node that runs us (Node 22 under npm scripts). */
export function wranglerCommand(args: string[]): [string, string[]] {
  return [process.execPath, [WRANGLER_BIN, ...args]]
}

/**
 * The environment wrangler runs with: ours, with nothing that calls the internet. Metrics are
 * off, and so is miniflare's fetch of `request.cf` from workers.cloudflare.com (made on every
 * start and reload, and printed as `getaddrinfo ENOTFOUND` offline): locally `request.cf` is
 * miniflare's built-in placeholder, which Palabre never reads anyway.
 */
export function wranglerEnv(): NodeJS.ProcessEnv {
  return { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' }
}

/**
 * Runs wrangler from the project root and resolves with its output; rejects when it exits
 * non-zero. It runs in its own process group, so aborting `signal` stops it and the workerd
 * it started for local storage.
 */
export function runWrangler(args: string[], signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted()
    const [command, argv] = wranglerCommand(args)
    const child = spawn(command, argv, { cwd: PROJECT_ROOT, env: wranglerEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    const stop = () => killGroup(child.pid)
    signal?.addEventListener('abort', stop, { once: true })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      signal?.removeEventListener('abort', stop)
      if (code === 0) return resolve(stdout)
      if (signal?.aborted) return reject(signal.reason)
      const output = (stderr || stdout).replace(/\x1b\[[0-9;]*m/g, '').trim()
      reject(new Error(`wrangler ${args.slice(0, 3).join(' ')} failed (exit ${code ?? 'killed'}):\n${output}`))
    })
  })
}

/** Sends `signal` to the process group led by `pid` (a child spawned `detached`), if it still runs. */
export function killGroup(pid: number | undefined, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (pid === undefined) return
  try {
    process.kill(-pid, signal)
  } catch {
    // Already gone.
  }
}

function kvFlags(target: KvTarget): string[] {
  return ['--binding', 'CONTENT', target.local ? '--local' : '--remote']
}

/** The published index, or null when KV holds none yet. */
export async function kvGetIndex(target: KvTarget): Promise<ContentIndex | null> {
  const out = await runWrangler(['kv', 'key', 'get', INDEX_KEY, '--text', ...kvFlags(target)], target.signal)
  if (out.trim() === 'Value not found') return null
  try {
    return JSON.parse(out) as ContentIndex
  } catch {
    throw new Error(`the "${INDEX_KEY}" value in KV is not JSON: ${out.slice(0, 200)}`)
  }
}

/** Writes `entries` in one `wrangler kv bulk put`. */
export async function kvBulkPut(entries: { key: string; value: string }[], target: KvTarget): Promise<void> {
  if (entries.length) await withTempJson(entries, (file) => runWrangler(['kv', 'bulk', 'put', file, ...kvFlags(target)], target.signal))
}

/** Deletes `keys` in one `wrangler kv bulk delete`. */
export async function kvBulkDelete(keys: string[], target: KvTarget): Promise<void> {
  if (keys.length)
    await withTempJson(keys, (file) => runWrangler(['kv', 'bulk', 'delete', file, '--force', ...kvFlags(target)], target.signal))
}

async function withTempJson<T>(data: unknown, use: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'palabre-kv-'))
  try {
    const file = path.join(dir, 'entries.json')
    await writeFile(file, JSON.stringify(data))
    return await use(file)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
