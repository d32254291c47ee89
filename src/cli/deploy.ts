/**
 * `npm run deploy [-- --check]`: checks everything that would make a deploy fail or leave the
 * blog half-working (all problems at once, each with what to do), then applies the remote D1
 * migrations, deploys the Worker, publishes content/ and purges every cached page, since the new
 * code may render every page differently and Workers Cache does not key pages on the version.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { setTimeout as sleep } from 'node:timers/promises'
import { checkDeploy, formatProblems } from './deploy-checks'
import { parseSecretList, parseWhoami, readWranglerConfig } from './deploy-config'
import { DEFAULT_PUBLISH, loadContent, publishContent } from './publish-content'
import { requestPurge } from './purge'
import { PROJECT_ROOT } from './wrangler'
import { runWranglerOrThrow, runWranglerResult } from './wrangler-run'
import { runCli } from './run-cli'

/** An isolate of the previous version may answer for a few seconds after `wrangler deploy` returns. */
const SETTLE_SECONDS = 30

const USAGE = `Usage: npm run deploy [-- --check]

  (no option)  pre-flight checks, then remote D1 migrations, wrangler deploy,
               npm run content:publish, and a purge of every cached page (twice, ${SETTLE_SECONDS} s apart)
  --check      the pre-flight checks only

Needs ADMIN_TOKEN in the environment (the value of the ADMIN_TOKEN secret) for the purge.`

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } })
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const log = DEFAULT_PUBLISH.log
  const content = await loadContent(DEFAULT_PUBLISH.contentDir, log)
  const wrangler = await readWranglerConfig(path.join(PROJECT_ROOT, 'wrangler.toml'))
  const whoami = parseWhoami((await runWranglerResult(['whoami', '--json'])).stdout)
  const secrets = whoami?.loggedIn ? parseSecretList(await runWranglerResult(['secret', 'list', '--format', 'json'])) : undefined
  const env = { CLOUDFLARE_API_TOKEN: process.env.CLOUDFLARE_API_TOKEN, ADMIN_TOKEN: process.env.ADMIN_TOKEN }
  const problems = checkDeploy({ wrangler, site: content?.site ?? null, env, whoami, secrets })
  console.log(formatProblems(problems))
  if (!whoami?.loggedIn) console.log('(The secrets were not checked: that needs credentials.)')
  if (!content || problems.some((p) => p.level === 'error')) return 1
  if (values.check) return 0

  await runWranglerOrThrow(['d1', 'migrations', 'apply', 'DB', '--remote'], { inherit: true })
  await runWranglerOrThrow(['deploy'], { inherit: true })
  const published = await publishContent({ ...DEFAULT_PUBLISH, local: false })
  if (published.outcome === 'invalid') return 1
  const baseUrl = content.site.baseUrl.replace(/\/+$/, '')
  for (const round of [1, 2]) {
    if (round === 2) {
      log.info(`Waiting ${SETTLE_SECONDS} s for the previous version to stop answering, then purging again...`)
      await sleep(SETTLE_SECONDS * 1000)
    }
    const problem = await requestPurge(baseUrl, process.env.ADMIN_TOKEN!, { everything: true })
    if (problem) log.warn(`the purge of every page failed (pages built by the old code stay until they expire, cacheMaxAge): ${problem}`)
    else log.info(`Purged every cached page through ${baseUrl}.`)
  }
  log.info(`Deployed: ${baseUrl}/`)
  return 0
}

runCli('Deploying failed', main)
