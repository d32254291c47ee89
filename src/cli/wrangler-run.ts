import { spawn } from 'node:child_process'
import { killGroup, PROJECT_ROOT, wranglerCommand, wranglerEnv } from './wrangler'

/** How a wrangler run ended: its exit code and everything it printed (colours stripped). */
export interface WranglerResult {
  code: number
  stdout: string
  stderr: string
}

export interface RunOptions {
  /** Where wrangler runs (its config and `.wrangler/state` are found there); the project root by default. */
  cwd?: string
  /** Show wrangler's output and prompts on this terminal instead of capturing them. */
  inherit?: boolean
  signal?: AbortSignal
}

/**
 * Runs wrangler and resolves with its exit code and output whatever the code (the deploy
 * pre-flight reads `whoami --json` from a failed run). In its own process group, so aborting
 * `signal` stops the workerd it started too.
 */
export function runWranglerResult(args: string[], options: RunOptions = {}): Promise<WranglerResult> {
  return new Promise((resolve, reject) => {
    options.signal?.throwIfAborted()
    const [command, argv] = wranglerCommand(args)
    const child = spawn(command, argv, {
      cwd: options.cwd ?? PROJECT_ROOT,
      env: wranglerEnv(),
      stdio: options.inherit ? ['inherit', 'inherit', 'inherit'] : ['ignore', 'pipe', 'pipe'],
      // A process group that reads the terminal would be stopped (SIGTTIN): only when captured.
      detached: !options.inherit,
    })
    const stop = () => killGroup(child.pid)
    options.signal?.addEventListener('abort', stop, { once: true })
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk))
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      options.signal?.removeEventListener('abort', stop)
      if (options.signal?.aborted) return reject(options.signal.reason)
      const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '')
      resolve({ code: code ?? 1, stdout: plain(stdout), stderr: plain(stderr) })
    })
  })
}

/** Like `runWranglerResult`, but rejects with wrangler's own message when it exits non-zero. */
export async function runWranglerOrThrow(args: string[], options: RunOptions = {}): Promise<WranglerResult> {
  const result = await runWranglerResult(args, options)
  if (result.code !== 0)
    throw new Error(`wrangler ${args.slice(0, 3).join(' ')} failed (exit ${result.code})${options.inherit ? '' : `:\n${(result.stderr || result.stdout).trim()}`}`)
  return result
}
