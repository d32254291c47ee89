import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { cp, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { parseDevVars } from '../../../src/cli/dev-vars'
import { FIXTURE_CONTENT_DIR } from '../../fixtures/site'

const ROOT = path.resolve(import.meta.dirname, '../../..')
/** What `npm start` needs from the project; node_modules is linked, content/ is the fixture's. */
const COPIED = ['src', 'migrations', 'wrangler.toml', 'package.json', 'tsconfig.json', '.dev.vars.example']
// A hang guard, not a speed check: a fresh copy's first start migrates, publishes and bundles,
// which takes minutes on a busy 2-core machine.
const READY_TIMEOUT_MS = 300_000

/** A running `npm start` of a private copy of the project. */
export interface Palabre {
  origin: string
  /** The ADMIN_TOKEN `npm start` generated in the copy's `.dev.vars`. */
  adminToken: string
  /** The copy: its `.wrangler/state` is this instance's KV, D1 and cache. */
  dir: string
  /** Where the server's output goes. */
  log: string
  stop(): Promise<void>
}

/**
 * Starts `npm start` (src/cli/start.ts) on a free port in a temporary copy of the project, so
 * the run starts from empty local state and never touches the developer's `.wrangler/state` or
 * `.dev.vars`; its content/ is test/fixtures/content/, never the author's. The copy's site.yaml
 * gets this port as its baseUrl, so canonical URLs and feed links point at the server under
 * test. `overlay`, a folder, is copied over that content/ (the themed fixture). Resolves once
 * the home page answers.
 */
export async function startPalabre(overlay?: string): Promise<Palabre> {
  try {
    return await startCopy(overlay)
  } catch (err) {
    // On fresh state start.ts migrates D1 and reads KV at once: two workerd on one .wrangler/state
    // can fail with SQLITE_BUSY on a busy machine. One more try, in a new copy, before giving up.
    // (Each copy gets its own inspector port too: wrangler's default, 9229, raced between the two
    // starts and failed one of them with "Address already in use" in most runs.)
    console.warn(`[e2e] npm start failed once, trying again in a new copy:\n${(err as Error).message}`)
    return startCopy(overlay)
  }
}

async function startCopy(overlay?: string): Promise<Palabre> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'palabre-e2e-'))
  for (const name of COPIED) await cp(path.join(ROOT, name), path.join(dir, name), { recursive: true }).catch(ignoreMissing)
  await cp(FIXTURE_CONTENT_DIR, path.join(dir, 'content'), { recursive: true })
  if (overlay) await cp(overlay, path.join(dir, 'content'), { recursive: true })
  await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
  const port = await freePort()
  let inspectorPort = await freePort()
  while (inspectorPort === port) inspectorPort = await freePort()
  const origin = `http://localhost:${port}`
  const siteFile = path.join(dir, 'content/site.yaml')
  const site = await readFile(siteFile, 'utf8')
  await writeFile(siteFile, site.replace(/^baseUrl:.*$/m, `baseUrl: ${origin}`))

  const log = path.join(dir, 'server.log')
  const out = createWriteStream(log)
  const tsx = path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/cli.mjs')
  const child = spawn(process.execPath, [tsx, 'src/cli/start.ts'], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), INSPECTOR_PORT: String(inspectorPort), WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  child.stdout!.pipe(out)
  child.stderr!.pipe(out)
  // Should this process end without calling stop() (an interrupted run), start.ts still gets SIGTERM.
  const onExit = () => signalGroup(child.pid, 'SIGTERM')
  process.once('exit', onExit)
  const stop = () => {
    process.off('exit', onExit)
    return stopInstance(child, dir)
  }
  try {
    await waitForServer(origin, child, log)
    const vars = parseDevVars(await readFile(path.join(dir, '.dev.vars'), 'utf8'))
    if (!vars.ADMIN_TOKEN) throw new Error(`npm start wrote no ADMIN_TOKEN in ${dir}/.dev.vars`)
    return { origin, adminToken: vars.ADMIN_TOKEN, dir, log, stop }
  } catch (err) {
    await stop()
    throw err
  }
}

async function waitForServer(origin: string, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${await tail(log)}`)
    const ok = await fetch(origin, { signal: AbortSignal.timeout(3_000) }).then((r) => r.ok, () => false)
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  throw new Error(`npm start did not answer at ${origin} within ${READY_TIMEOUT_MS / 1000} s:\n${await tail(log)}`)
}

/**
 * SIGTERM to our process group lets start.ts stop wrangler's own group; anything still running
 * from the copy afterwards (found by its working directory) is killed by pid. Then the copy goes.
 */
async function stopInstance(child: ChildProcess, dir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    signalGroup(child.pid, 'SIGTERM')
    const force = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), 10_000)
    await exited
    clearTimeout(force)
  }
  for (const pid of await pidsWorkingIn(dir)) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // Gone meanwhile.
    }
  }
  await rm(dir, { recursive: true, force: true, maxRetries: 3 })
}

async function pidsWorkingIn(dir: string): Promise<number[]> {
  const pids: number[] = []
  for (const entry of await readdir('/proc').catch(() => [])) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue
    const cwd = await readlink(`/proc/${entry}/cwd`).catch(() => '')
    if (cwd === dir || cwd.startsWith(`${dir}/`)) pids.push(Number(entry))
  }
  return pids
}

function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return
  try {
    process.kill(-pid, signal)
  } catch {
    // Already gone.
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

async function tail(file: string, lines = 40): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '')
  return text.split('\n').slice(-lines).join('\n')
}

function ignoreMissing(err: NodeJS.ErrnoException): void {
  if (err.code !== 'ENOENT') throw err
}
