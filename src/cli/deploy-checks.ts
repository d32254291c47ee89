/**
 * The checks `npm run deploy` runs before it touches Cloudflare: pure functions of the parsed
 * wrangler config, the site config, the environment and what wrangler said, so that every bad
 * configuration is tested without an account. Each problem says what to do.
 */
import type { SiteConfig } from '../content/types'
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
export const REQUIRED_SECRETS = ['ADMIN_TOKEN', 'SIGNING_KEY'] as const
const GENERATE = 'generate one with `openssl rand -base64 32` (or `node -e "console.log(crypto.randomBytes(32).toString(\'base64\'))"`)'

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

const LOCAL_HOST = /^(?:localhost|127(?:\.\d+){3}|\[::1\]|0\.0\.0\.0)$|\.(?:localhost|test|local|example|invalid)$|^(?:www\.)?example\.(?:com|org|net)$/i

/** `baseUrl` must be the public address, served by this Worker; `email.from` should be deliverable. */
export function checkSite(site: Pick<SiteConfig, 'baseUrl' | 'email'>, config: WranglerConfig): Problem[] {
  const problems: Problem[] = []
  const url = new URL(site.baseUrl)
  if (LOCAL_HOST.test(url.hostname)) {
    problems.push({
      level: 'error',
      what: `content/site.yaml: baseUrl is ${site.baseUrl}.`,
      fix: 'Set baseUrl to the public address of the blog (https://blog.example.org, or https://<worker>.<subdomain>.workers.dev): feeds, links in emails and the purge after the deploy use it.',
    })
  } else {
    if (url.protocol !== 'https:')
      problems.push({ level: 'warning', what: `content/site.yaml: baseUrl ${site.baseUrl} is not https.`, fix: 'Use https://: Cloudflare serves the blog over HTTPS.' })
    problems.push(...checkRoute(url.hostname, config))
  }
  const fromDomain = /@([^\s>]+)>?\s*$/.exec(site.email.from)?.[1] ?? ''
  if (LOCAL_HOST.test(fromDomain))
    problems.push({
      level: 'warning',
      what: `content/site.yaml: email.from is "${site.email.from}".`,
      fix: 'Set email.from to an address at a domain you verified with your email provider (README, "Email"), or readers’ emails will be refused.',
    })
  return problems
}

/** The host of a route pattern: `blog.example.org/*` → `blog.example.org`. */
function patternHost(pattern: string): string {
  return pattern.replace(/^https?:\/\//, '').split('/')[0]!.toLowerCase()
}

function checkRoute(host: string, config: WranglerConfig): Problem[] {
  if (host.endsWith('.workers.dev')) {
    return config.workers_dev === false
      ? [{ level: 'error', what: `baseUrl is on workers.dev (${host}) but wrangler.toml sets workers_dev = false.`, fix: 'Remove `workers_dev = false`, or set baseUrl to your own domain and route it.' }]
      : []
  }
  const routes = [config.routes ?? [], config.route ?? []].flat()
  const hosts = routes.map((route) => patternHost(typeof route === 'string' ? route : route.pattern))
  const served = hosts.some((h) => h === host || (h.startsWith('*.') && host.endsWith(h.slice(1))) || (h.startsWith('*') && host.endsWith(h.slice(1))))
  if (served) return []
  return [
    {
      level: 'error',
      what: `baseUrl is on ${host}, but no route or custom domain of wrangler.toml sends ${host} to this Worker.`,
      fix: `Add \`routes = [{ pattern = "${host}", custom_domain = true }]\` to wrangler.toml (the domain's zone must be on your Cloudflare account; README, "Your own domain").`,
    },
  ]
}

/** `wrangler login` on a machine with a browser, CLOUDFLARE_API_TOKEN elsewhere. */
export function checkCredentials(whoami: WhoAmI | undefined, env: { CLOUDFLARE_API_TOKEN?: string }): Problem[] {
  if (whoami?.loggedIn) return []
  if (env.CLOUDFLARE_API_TOKEN)
    return [
      {
        level: 'error',
        what: 'CLOUDFLARE_API_TOKEN is set, but wrangler could not sign in with it.',
        fix: 'Check the token in the Cloudflare dashboard (My Profile > API Tokens): it must be active and have the permissions the README lists ("Deploying from a machine without a browser").',
      },
    ]
  return [
    {
      level: 'error',
      what: 'wrangler is not signed in to Cloudflare.',
      fix: 'Run `npx wrangler login` (it opens a browser), or, on a machine without one, set CLOUDFLARE_API_TOKEN (and CLOUDFLARE_ACCOUNT_ID) as the README explains.',
    },
  ]
}

/** ADMIN_TOKEN and SIGNING_KEY are required; email and Turnstile secrets are checked for consistency. */
export function checkSecrets(secrets: SecretNames, config: WranglerConfig): Problem[] {
  if (secrets === undefined) return []
  const names = new Set(secrets === 'no-worker' ? [] : secrets)
  const problems: Problem[] = []
  const missing = REQUIRED_SECRETS.filter((name) => !names.has(name))
  if (missing.length)
    problems.push({
      level: 'error',
      what: `Missing secret${missing.length > 1 ? 's' : ''} ${missing.join(', ')}${secrets === 'no-worker' ? ' (the Worker does not exist yet)' : ''}.`,
      fix: `For each, ${GENERATE}, then run \`npx wrangler secret put <NAME>\` and paste it${secrets === 'no-worker' ? ' (wrangler offers to create the Worker: answer yes)' : ''}. Keep ADMIN_TOKEN: you sign in to /admin with it.`,
    })
  const transport = String(config.vars?.EMAIL_TRANSPORT ?? 'auto')
  if (!names.has('EMAIL_API_KEY') && (transport === 'auto' || transport === 'http'))
    problems.push({
      level: transport === 'http' ? 'error' : 'warning',
      what: 'No EMAIL_API_KEY secret: readers’ emails (confirmations, replies) will be kept in the mailbox at /admin/mailbox, not sent.',
      fix: 'Create an API key with your email provider (README, "Email") and run `npx wrangler secret put EMAIL_API_KEY`.',
    })
  if (names.has('TURNSTILE_SECRET') !== names.has('TURNSTILE_SITE_KEY'))
    problems.push({
      level: 'warning',
      what: `${names.has('TURNSTILE_SECRET') ? 'TURNSTILE_SECRET' : 'TURNSTILE_SITE_KEY'} is set without its pair: Turnstile ${names.has('TURNSTILE_SECRET') ? 'refuses every comment (no widget is shown)' : 'is off'}.`,
      fix: 'Set both from the same Turnstile widget (README, "Turnstile"), or neither.',
    })
  return problems
}

/** The purge after the deploy authenticates with ADMIN_TOKEN from the environment. */
export function checkPurgeToken(env: { ADMIN_TOKEN?: string }): Problem[] {
  if (env.ADMIN_TOKEN) return []
  return [
    {
      level: 'error',
      what: 'ADMIN_TOKEN is not set in the environment.',
      fix: 'Run `ADMIN_TOKEN=<the value of the ADMIN_TOKEN secret> npm run deploy`: after the deploy the cached pages are purged through <baseUrl>/api/admin/purge with it, so no page keeps the old templates.',
    },
  ]
}

/** The report: every problem with its fix, then a summary line. */
export function formatProblems(problems: Problem[]): string {
  const errors = problems.filter((p) => p.level === 'error').length
  const lines = problems.map((p) => `${p.level === 'error' ? 'error' : 'warning'}: ${p.what}\n  → ${p.fix}`)
  lines.push(errors ? `${errors} problem(s) to fix before deploying: nothing was deployed.` : 'Pre-flight checks passed.')
  return lines.join('\n')
}
