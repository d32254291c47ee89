/**
 * `npm run content:publish [-- options]`: validates content/ and publishes it to KV.
 * Exit status 1 when any file is invalid (nothing is written) or a wrangler call fails.
 */
import { parseArgs } from 'node:util'
import { DEFAULT_PUBLISH, publishContent } from './publish-content'
import { runCli } from './run-cli'

const USAGE = `Usage: npm run content:publish [-- [--local] [--url <origin>] [--dry-run | --check]]

  (no option)     publish content/ to Cloudflare KV (drafts are never uploaded), then purge
                  the changed pages through <baseUrl>/api/admin/purge, and again after 60 s
  --local         publish to local KV (.wrangler/state, what wrangler dev reads), drafts included;
                  purges through http://localhost:$PORT (8787)
  --url <origin>  purge through this origin instead
  --dry-run       validate, compare with KV and print what would change; write nothing
  --check         validate content/ only (no KV, no network)

The purge sends ADMIN_TOKEN from the environment (with --local, else the one in .dev.vars).`

function main(): Promise<number> {
  let args
  try {
    args = parseArgs({
      options: {
        local: { type: 'boolean', default: false },
        url: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        check: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`)
    return Promise.resolve(2)
  }
  if (args.help) {
    console.log(USAGE)
    return Promise.resolve(0)
  }
  const interrupted = new AbortController()
  // Stops the wrangler call in progress (it runs in its own process group). Bodies written
  // before the index are harmless; the index is either written whole or not at all.
  process.once('SIGINT', () => interrupted.abort())
  return publishContent({
    ...DEFAULT_PUBLISH,
    signal: interrupted.signal,
    local: args.local,
    url: args.url,
    dryRun: args['dry-run'],
    checkOnly: args.check,
  }).then(({ outcome }) => (outcome === 'invalid' ? 1 : 0))
}

runCli('Publishing failed', main)
