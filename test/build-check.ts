// Builds the Worker as `wrangler deploy` would (`--dry-run`: no network, no account) and checks
// the bundle against its budget: everything a reader's first request loads, gzipped.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

const BUDGET_BYTES = 200 * 1024

export function buildWorker(outdir: string): { raw: number; gzip: number } {
  execFileSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', outdir], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  })
  const code = readdirSync(outdir)
    .filter((name) => name.endsWith('.js'))
    .map((name) => readFileSync(path.join(outdir, name)))
  const all = Buffer.concat(code)
  return { raw: all.length, gzip: gzipSync(all, { level: 9 }).length }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outdir = mkdtempSync(path.join(tmpdir(), 'palabre-build-'))
  try {
    const { raw, gzip } = buildWorker(outdir)
    const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`
    console.log(`Worker bundle: ${kib(raw)} minified, ${kib(gzip)} gzip (budget ${kib(BUDGET_BYTES)} gzip)`)
    if (gzip > BUDGET_BYTES) {
      console.error('The Worker bundle is over budget: look for a heavy dependency.')
      process.exit(1)
    }
  } finally {
    rmSync(outdir, { recursive: true, force: true })
  }
}
