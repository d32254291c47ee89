/**
 * `npm start`: the blog on http://localhost:$PORT (8787), offline. Creates .dev.vars when it is
 * missing, migrates local D1, clears the local page cache, publishes content/ to local KV
 * (drafts included), runs `wrangler dev` with draft previews, republishes when content/
 * changes, and fires the cron handler every minute (wrangler does not, locally).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { watch } from 'node:fs'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import type { ContentIndex } from '../content/types'
import { ensureDevVars } from './dev-vars'
import { DEFAULT_PUBLISH, publishContent, type PublishOptions } from './publish-content'
import { killGroup, PROJECT_ROOT, runWrangler, wranglerCommand, wranglerEnv } from './wrangler'

const PORT = Number(process.env.PORT || 8787)
// wrangler takes 9229 for the inspector when it is free, checked in each process: two `npm start`
// at once (the e2e tests run two) can both pick it, and the second fails "Address already in use".
const INSPECTOR_PORT = process.env.INSPECTOR_PORT
const ORIGIN = `http://localhost:${PORT}`
const CRON_EVERY_MS = 60_000
const DEBOUNCE_MS = 300

const stopping = new AbortController()
const say = (line: string) => console.log(`[palabre] ${line}`)
const publishOptions: PublishOptions = {
  ...DEFAULT_PUBLISH,
  local: true,
  url: ORIGIN,
  signal: stopping.signal,
  log: {
    info: (line) => say(line),
    warn: (line) => console.warn(`[palabre] warning: ${line}`),
    error: (line) => console.error(`[palabre] ${line}`),
  },
}

let dev: ChildProcess | undefined
let watcher: { close(): void } | undefined
let cron: NodeJS.Timeout | undefined

async function main(): Promise<void> {
  process.on('SIGINT', () => shutdown(130))
  process.on('SIGTERM', () => shutdown(143))
  if (await ensureDevVars(PROJECT_ROOT)) say('Created .dev.vars with a random ADMIN_TOKEN and SIGNING_KEY.')
  // Pages cached by an earlier session may predate the content published below.
  await rm(path.join(PROJECT_ROOT, '.wrangler/state/v3/cache'), { recursive: true, force: true })
  say('Migrating local D1 and publishing content/ to local KV...')
  // One after the other: two workerd processes on one .wrangler/state can fail with SQLITE_BUSY.
  await runWrangler(['d1', 'migrations', 'apply', 'DB', '--local'], stopping.signal)
  const first = await publishContent({ ...publishOptions, purge: false })
  dev = startDevServer()
  dev.on('exit', (code) => shutdown(code ?? 1))
  watcher = watchContent(first.index)
  cron = setInterval(() => void fetch(`${ORIGIN}/cdn-cgi/local/scheduled`).catch(() => {}), CRON_EVERY_MS)
  // tsx runs this file in a child process: if tsx dies without relaying a signal, stop anyway.
  const parent = process.ppid
  setInterval(() => process.ppid !== parent && shutdown(1), 2_000).unref()
  if (await waitUntilUp()) {
    say(`Palabre is running at ${ORIGIN}/`)
    say(`Admin: ${ORIGIN}/admin, token in .dev.vars (ADMIN_TOKEN). Drafts show at /posts/<slug>. Ctrl-C stops.`)
  }
}

/** Stops everything this process started, then exits with `code`. */
function shutdown(code: number): void {
  if (stopping.signal.aborted) return
  stopping.abort()
  clearInterval(cron)
  watcher?.close()
  void (dev ? stopDevServer(dev) : Promise.resolve()).then(() => process.exit(code))
}

/** `wrangler dev` in its own process group, so stopping it stops workerd too. */
function startDevServer(): ChildProcess {
  const [command, argv] = wranglerCommand([
    'dev',
    '--port', String(PORT),
    ...(INSPECTOR_PORT ? ['--inspector-port', INSPECTOR_PORT] : []),
    '--var', 'DRAFTS:preview',
    // Only to silence wrangler's "Scheduled Workers are not automatically triggered": this
    // script fires the cron itself (below). It also serves /__scheduled, which nothing uses.
    '--test-scheduled',
    '--show-interactive-dev-session=false',
  ])
  // No stdin: a background process group that reads the terminal is stopped by SIGTTIN.
  return spawn(command, argv, { cwd: PROJECT_ROOT, env: wranglerEnv(), stdio: ['ignore', 'inherit', 'inherit'], detached: true })
}

function stopDevServer(dev: ChildProcess): Promise<void> {
  if (dev.exitCode !== null || dev.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const force = setTimeout(() => killGroup(dev.pid, 'SIGKILL'), 5_000)
    dev.once('exit', () => {
      clearTimeout(force)
      killGroup(dev.pid, 'SIGKILL') // whatever wrangler left behind in its group
      resolve()
    })
    killGroup(dev.pid, 'SIGTERM')
  })
}

/**
 * Republishes when content/, content/posts/, content/pages/ or content/media/ changes (debounced; one publish at a time, and one
 * more if files changed during it). `known` is what local KV holds, so no publish re-reads it.
 */
function watchContent(known: ContentIndex | undefined): { close(): void } {
  let timer: NodeJS.Timeout | undefined
  let running = false
  let again = false
  const republish = async () => {
    if (running) return void (again = true)
    running = true
    try {
      const result = await publishContent(publishOptions, known)
      if (result.index) known = result.index
    } catch (err) {
      if (!stopping.signal.aborted) console.error(`[palabre] publishing failed: ${(err as Error).message}`)
      known = undefined // re-read KV next time
    }
    running = false
    if (again && !stopping.signal.aborted) {
      again = false
      void republish()
    }
  }
  const onChange = () => {
    clearTimeout(timer)
    timer = setTimeout(republish, DEBOUNCE_MS)
  }
  // One watch per directory: Node's recursive watch on Linux loses a file once an editor
  // replaces it by renaming a new one over it (atomic save), while a directory watch does not.
  const watchers = ['', 'posts', 'pages', 'media'].flatMap((dir) => {
    try {
      return [watch(path.join(publishOptions.contentDir, dir), onChange)]
    } catch {
      return [] // a directory that does not exist yet
    }
  })
  return { close: () => (clearTimeout(timer), watchers.forEach((w) => w.close())) }
}

async function waitUntilUp(): Promise<boolean> {
  for (let i = 0; i < 240 && !stopping.signal.aborted; i++) {
    const up = await fetch(ORIGIN, { signal: AbortSignal.timeout(2_000) }).then(() => true, () => false)
    if (up) return true
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  return false
}

main().catch((err: Error) => {
  if (!stopping.signal.aborted) console.error(`[palabre] ${err.message}`)
  process.exit(1)
})
