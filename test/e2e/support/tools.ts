import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/** Debian's Chromium: the only browser these tests drive (never a downloaded one). */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/**
 * Flags for a closed network: without the background-networking ones Chromium keeps dialling
 * Google's hosts and floods the log with refused connections. Playwright adds a fresh, empty
 * --user-data-dir of its own to every launch.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** The tools the browser and validation tests need that `npm install` cannot bring. */
export function missingTools(): string[] {
  const missing: string[] = []
  if (!existsSync(CHROMIUM)) missing.push(`Chromium at ${CHROMIUM} (apt-get install -y chromium)`)
  if (spawnSync('java', ['-version'], { stdio: 'ignore' }).status !== 0) {
    missing.push('a Java runtime for the Nu HTML Checker (apt-get install -y default-jre-headless)')
  }
  return missing
}

/** The loud notice printed instead of running the browser and validation tests. */
export function skipNotice(missing: string[]): string {
  const bar = '!'.repeat(78)
  return [
    '',
    bar,
    '!! Browser (e2e) and HTML/feed validation tests were SKIPPED: this machine lacks',
    ...missing.map((tool) => `!!   - ${tool}`),
    '!! Install it and run `npm run test:e2e`. CI (.ci/run) installs both and always runs them.',
    bar,
    '',
  ].join('\n')
}
