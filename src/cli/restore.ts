/**
 * `npm run restore -- <file> [--local] [--yes]`: replaces the tables of a backup (comments,
 * subscriptions, the outbox, d1_migrations) with its content. The remote database asks for
 * `--yes`, after a backup of what it holds now, so the restore itself can be undone.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { backupD1, restoreD1 } from './backup-d1'
import { PROJECT_ROOT } from './wrangler'
import { runCli } from './run-cli'

const USAGE = 'Usage: npm run restore -- <backups/file.sql> [--local] [--yes]'

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { local: { type: 'boolean', default: false }, yes: { type: 'boolean', default: false } },
  })
  if (positionals.length !== 1) {
    console.error(USAGE)
    return 2
  }
  const file = path.resolve(positionals[0]!)
  const target = { local: values.local }
  if (!values.local && !values.yes) {
    console.error(`This replaces the comments and subscriptions of the remote database with those of ${positionals[0]}.\nRun again with --yes to go on (a backup of what it holds now is taken first).`)
    return 2
  }
  const before = await backupD1(target)
  console.log(`What the database held before: ${path.relative(PROJECT_ROOT, before.file)}${before.bookmark ? ` (Time Travel bookmark ${before.bookmark})` : ''}`)
  await restoreD1(file, target)
  console.log(`Restored ${positionals[0]} to the ${values.local ? 'local' : 'remote'} database. Migrations newer than the backup run at the next npm run deploy (or npm start locally).`)
  return 0
}

runCli('Restore failed', main)
