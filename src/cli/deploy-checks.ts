/**
 * The checks `npm run deploy` runs before it touches Cloudflare: pure functions of the parsed
 * wrangler config, the site config, the environment and what wrangler said, so that every bad
 * configuration is tested without an account. Each problem says what to do.
 */
import type { SiteConfig } from '../content/types'
import { checkCredentials, checkPurgeToken, checkSecrets } from './deploy-checks-account'
import { checkSite } from './deploy-checks-site'
import type { WranglerConfig } from './deploy-config'

export interface Problem {
  /** An error stops the deploy; a warning is printed and the deploy goes on. */
  level: 'error' | 'warning'
  what: string
  fix: string
}

/** What `wrangler whoami --json` said; undefined when it could not be asked. */
export type WhoAmI = { loggedIn: false } | { loggedIn: true; email?: string; authType?: string }

/** Secret names of the deployed Worker, `no-worker` before the first deploy, undefined when not asked. */
export type SecretNames = string[] | 'no-worker' | undefined

export interface DeployInputs {
  wrangler: WranglerConfig
  /** The site config, or null when content/ is invalid (its errors are reported apart). */
  site: Pick<SiteConfig, 'baseUrl' | 'email'> | null
  env: { CLOUDFLARE_API_TOKEN?: string; ADMIN_TOKEN?: string }
  whoami: WhoAmI | undefined
  secrets: SecretNames
}

/** The sample's rate-limiter namespace: every copy of Palabre starts with it. */
export const SAMPLE_NAMESPACE_ID = '1001'

/** Every problem at once, errors first. */
export function checkDeploy(inputs: DeployInputs): Problem[] {
  const problems = [
    ...checkBindings(inputs.wrangler),
    ...(inputs.site
      ? checkSite(inputs.site, inputs.wrangler)
      : [{ level: 'error' as const, what: 'content/ has the problems listed above.', fix: 'Fix them (`npm run content:publish -- --check` checks content/ alone).' }]),
    ...checkCredentials(inputs.whoami, inputs.env),
    ...checkSecrets(inputs.secrets, inputs.wrangler),
    ...checkPurgeToken(inputs.env),
  ]
  return [...problems.filter((p) => p.level === 'error'), ...problems.filter((p) => p.level === 'warning')]
}

const isPlaceholder = (id: string | undefined) => !id || /^[0-]+$/.test(id) || /[<>]|replace|your/i.test(id)

/** The KV namespace, the D1 database and the rate limiter must be the author's own. */
export function checkBindings(config: WranglerConfig): Problem[] {
  const problems: Problem[] = []
  const kv = config.kv_namespaces?.find((ns) => ns.binding === 'CONTENT')
  if (!kv || isPlaceholder(kv.id) || !/^[0-9a-f]{32}$/i.test(kv.id ?? ''))
    problems.push({
      level: 'error',
      what: `wrangler.toml: the CONTENT KV namespace id is ${kv?.id ? `"${kv.id}", not one of yours` : 'missing'}.`,
      fix: 'Run `npx wrangler kv namespace create CONTENT` and put the id it prints in [[kv_namespaces]] `id`.',
    })
  const db = config.d1_databases?.find((d) => d.binding === 'DB')
  if (!db || isPlaceholder(db.database_id) || !/^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(db.database_id ?? ''))
    problems.push({
      level: 'error',
      what: `wrangler.toml: the DB database_id is ${db?.database_id ? `"${db.database_id}", not one of yours` : 'missing'}.`,
      fix: `Run \`npx wrangler d1 create ${db?.database_name ?? 'palabre'}\` and put the database_id it prints in [[d1_databases]].`,
    })
  const limiter = config.ratelimits?.find((r) => r.name === 'COMMENT_RATE_LIMIT')
  const ns = limiter?.namespace_id === undefined ? undefined : String(limiter.namespace_id)
  if (!ns || !/^[1-9]\d*$/.test(ns) || ns === SAMPLE_NAMESPACE_ID)
    problems.push({
      level: 'error',
      what: `wrangler.toml: the COMMENT_RATE_LIMIT namespace_id is ${ns ? `"${ns}"${ns === SAMPLE_NAMESPACE_ID ? ' (the sample’s)' : ''}` : 'missing'}.`,
      fix: 'Pick a positive integer that no other Worker of your account uses for a rate limiter (Workers sharing one share its counters), e.g. ' +
        `${suggestNamespaceId(config.name ?? 'palabre')}, and put it in [[ratelimits]] \`namespace_id\`.`,
    })
  if (config.cache?.enabled !== true)
    problems.push({
      level: 'warning',
      what: 'wrangler.toml: Workers Cache is off ([cache] enabled is not true).',
      fix: 'Set `[cache] enabled = true` so that Cloudflare answers from its tiered cache without running the Worker; without it pages are cached per data center only.',
    })
  return problems
}

/** A stable four-digit suggestion derived from the Worker's name, so two runs suggest the same. */
export function suggestNamespaceId(name: string): string {
  let hash = 7
  for (const ch of name) hash = (hash * 31 + ch.codePointAt(0)!) % 8999
  return String(1000 + hash + (1000 + hash === Number(SAMPLE_NAMESPACE_ID) ? 1 : 0))
}

/** The report: every problem with its fix, then a summary line. */
export function formatProblems(problems: Problem[]): string {
  const errors = problems.filter((p) => p.level === 'error').length
  const lines = problems.map((p) => `${p.level === 'error' ? 'error' : 'warning'}: ${p.what}\n  → ${p.fix}`)
  lines.push(errors ? `${errors} problem(s) to fix before deploying: nothing was deployed.` : 'Pre-flight checks passed.')
  return lines.join('\n')
}
