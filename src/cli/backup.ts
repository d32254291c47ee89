/**
 * `npm run backup [-- --local]`: the remote D1's current Time Travel bookmark and an export of
 * its tables to backups/ (git-ignored); `--local` exports the local database (`npm start`'s).
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { backupD1 } from './backup-d1'
import { PROJECT_ROOT } from './wrangler'
import { runCli } from './run-cli'

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { local: { type: 'boolean', default: false } } })
  const backup = await backupD1({ local: values.local })
  console.log(`Backup written to ${path.relative(PROJECT_ROOT, backup.file)} (${backup.bytes} bytes). Restore it with: npm run restore -- ${path.relative(PROJECT_ROOT, backup.file)}${values.local ? ' --local' : ''}`)
  if (backup.bookmark) {
    console.log(`Time Travel bookmark of this moment: ${backup.bookmark}`)
    console.log(`  (restore point for 7 days on the free plan, 30 on the paid one: npx wrangler d1 time-travel restore DB --bookmark=${backup.bookmark})`)
  }
  console.log('The file holds commenters’ emails: keep it somewhere private (not in git, not in a public bucket).')
}

runCli('Backup failed', main)
