/**
 * `npm run import:wordpress -- <export.xml> [--local] [--dry-run] [--uploads <dir>]`: a WordPress
 * export into content/ (posts, pages, media) and D1 (comments, redirects). See the README's
 * "Importing from WordPress".
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { describePlan } from './import/report'
import { ImportRefused, importWordPress } from './import/run'
import { runCli } from './run-cli'
import { PROJECT_ROOT } from './wrangler'

const USAGE = 'usage: npm run import:wordpress -- <export.xml> [--local] [--dry-run] [--uploads <wp-content/uploads>] [--offline]'

runCli('import failed', async () => {
  const { values, positionals } = parseArgs({
    options: { local: { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false }, uploads: { type: 'string' }, offline: { type: 'boolean', default: false }, help: { type: 'boolean' } },
    allowPositionals: true,
  })
  if (values.help || positionals.length !== 1) {
    console.error(USAGE)
    return values.help ? 0 : 2
  }
  const dryRun = values['dry-run']
  try {
    const plan = await importWordPress({
      file: path.resolve(positionals[0]!),
      contentDir: path.join(PROJECT_ROOT, 'content'),
      uploads: values.uploads && path.resolve(values.uploads),
      dryRun,
      download: !values.offline,
      target: { local: values.local },
      progress: (line) => console.error(`… ${line}`),
    })
    for (const line of describePlan(plan, dryRun)) console.log(line)
    if (!dryRun) console.log(`Next: npm run content:publish${values.local ? ' -- --local' : ''} publishes the new posts (npm start does it by itself).`)
  } catch (err) {
    if (err instanceof ImportRefused) {
      console.error(`import refused, ${err.message}`)
      return 1
    }
    throw err
  }
})
