/**
 * `npm run export -- [--local] [--format json|wxr] [--out <file>]`: every post of content/, every
 * comment with its thread, status, dates and author, and the subscriptions, as Palabre's JSON or
 * as WordPress's WXR 1.2. Exit status 2 for bad arguments, 1 when content/ or D1 fails.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { runExport, type ExportFormat } from './export-run'
import { PROJECT_ROOT } from './wrangler'
import { runCli } from './run-cli'

const USAGE = `Usage: npm run export -- [--local] [--format json|wxr] [--out <file>]

  --local          read the local D1 (npm start's) instead of Cloudflare's
  --format json    Palabre's own JSON (the default): every field as stored, subscriptions included
  --format wxr     WordPress eXtended RSS 1.2, for WordPress's importer (Tools > Import) and Palabre's
  --out <file>     where to write (default exports/palabre-<where>-<time>.json|xml); - for stdout

The file holds commenters' emails: keep it private.`

async function main(): Promise<number> {
  let values
  try {
    values = parseArgs({
      options: {
        local: { type: 'boolean', default: false },
        format: { type: 'string', default: 'json' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`)
    return 2
  }
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  if (values.format !== 'json' && values.format !== 'wxr') {
    console.error(`--format must be json or wxr, not ${JSON.stringify(values.format)}.\n\n${USAGE}`)
    return 2
  }
  // With --out -, stdout carries the export: everything else goes to stderr.
  const log = { info: (line: string) => console.error(line), warn: (line: string) => console.error(`warning: ${line}`), error: (line: string) => console.error(line) }
  const report = await runExport({ local: values.local, format: values.format as ExportFormat, out: values.out }, log)
  const where = report.file ? path.relative(PROJECT_ROOT, report.file) : 'stdout'
  log.info(`Exported ${report.posts} posts and pages, ${report.comments} comments and ${report.subscriptions} subscriptions to ${where} (${report.bytes} bytes).`)
  if (report.file) log.info('The file holds commenters’ emails: keep it somewhere private.')
  return 0
}

runCli('Export failed', main)
