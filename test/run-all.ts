/**
 * `npm test`: every step runs, whatever an earlier one did, and the summary names each step
 * that failed; the exit status is 1 when any did. (Chained with &&, a timed-out test used to
 * hide a bundle over budget.)
 */
import { spawnSync } from 'node:child_process'

const STEPS: { name: string; command: string[] }[] = [
  { name: 'typecheck', command: ['npm', 'run', 'typecheck', '--silent'] },
  { name: 'tests (unit, integration, e2e)', command: ['npx', 'vitest', 'run', '--config', 'test/vitest.config.ts'] },
  { name: 'bundle budget', command: ['npm', 'run', 'build:check', '--silent'] },
]

const results = STEPS.map(({ name, command }) => {
  const { status, error } = spawnSync(command[0]!, command.slice(1), { stdio: 'inherit', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } })
  return { name, ok: status === 0 && !error }
})
console.log(`\nnpm test: ${results.map(({ name, ok }) => `${name} ${ok ? 'passed' : 'FAILED'}`).join(', ')}`)
process.exit(results.every(({ ok }) => ok) ? 0 : 1)
