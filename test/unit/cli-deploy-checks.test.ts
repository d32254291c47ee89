import { describe, expect, it } from 'vitest'
import { checkDeploy, formatProblems, suggestNamespaceId, type DeployInputs } from '../../src/cli/deploy-checks'
import { parseSecretList, parseWhoami, type WranglerConfig } from '../../src/cli/deploy-config'

/** A configuration that passes every check; each test breaks one thing. */
const good: WranglerConfig = {
  name: 'my-blog',
  kv_namespaces: [{ binding: 'CONTENT', id: '0f1e2d3c4b5a69788796a5b4c3d2e1f0' }],
  d1_databases: [{ binding: 'DB', database_name: 'palabre', database_id: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' }],
  ratelimits: [{ name: 'COMMENT_RATE_LIMIT', namespace_id: '4217' }],
  routes: [{ pattern: 'blog.camille.fr', custom_domain: true }],
  vars: { EMAIL_TRANSPORT: 'auto' },
  cache: { enabled: true },
}
const inputs = (over: Partial<DeployInputs> = {}): DeployInputs => ({
  wrangler: good,
  site: { baseUrl: 'https://blog.camille.fr', email: { from: 'Camille <blog@camille.fr>' } },
  env: { ADMIN_TOKEN: 'secret' },
  whoami: { loggedIn: true, email: 'camille@camille.fr' },
  secrets: ['ADMIN_TOKEN', 'SIGNING_KEY', 'EMAIL_API_KEY'],
  ...over,
})
const whats = (i: DeployInputs) => checkDeploy(i).map((p) => `${p.level}: ${p.what}`)

describe('the deploy pre-flight', () => {
  it('passes a complete configuration', () => {
    expect(checkDeploy(inputs())).toEqual([])
    expect(formatProblems([])).toBe('Pre-flight checks passed.')
  })

  it('reports every problem of the sample configuration at once, errors first, each with a fix', () => {
    const sample: WranglerConfig = {
      name: 'palabre',
      kv_namespaces: [{ binding: 'CONTENT', id: '00000000000000000000000000000000' }],
      d1_databases: [{ binding: 'DB', database_name: 'palabre', database_id: '00000000-0000-0000-0000-000000000000' }],
      ratelimits: [{ name: 'COMMENT_RATE_LIMIT', namespace_id: '1001' }],
      vars: { EMAIL_TRANSPORT: 'auto' },
      cache: { enabled: true },
    }
    const problems = checkDeploy({
      wrangler: sample,
      site: { baseUrl: 'http://localhost:8787', email: { from: 'Palabre <blog@localhost>' } },
      env: {},
      whoami: { loggedIn: false },
      secrets: undefined,
    })
    expect(problems.map((p) => p.what)).toEqual([
      'wrangler.toml: the CONTENT KV namespace id is "00000000000000000000000000000000", not one of yours.',
      'wrangler.toml: the DB database_id is "00000000-0000-0000-0000-000000000000", not one of yours.',
      'wrangler.toml: the COMMENT_RATE_LIMIT namespace_id is "1001" (the sample’s).',
      'content/site.yaml: baseUrl is http://localhost:8787.',
      'wrangler is not signed in to Cloudflare.',
      'ADMIN_TOKEN is not set in the environment.',
      'content/site.yaml: email.from is "Palabre <blog@localhost>".',
    ])
    expect(problems.map((p) => p.fix).join('\n')).toMatch(/wrangler kv namespace create CONTENT[\s\S]*wrangler d1 create palabre[\s\S]*wrangler login[\s\S]*CLOUDFLARE_API_TOKEN/)
    expect(formatProblems(problems)).toMatch(/6 problem\(s\) to fix before deploying: nothing was deployed\.$/)
  })

  it('refuses ids that are not ids, and missing bindings', () => {
    expect(whats(inputs({ wrangler: { ...good, kv_namespaces: [{ binding: 'CONTENT', id: '<your id>' }] } }))).toHaveLength(1)
    expect(whats(inputs({ wrangler: { ...good, d1_databases: [] } }))).toEqual(['error: wrangler.toml: the DB database_id is missing.'])
    expect(whats(inputs({ wrangler: { ...good, ratelimits: [{ name: 'COMMENT_RATE_LIMIT', namespace_id: 'abc' }] } }))[0]).toContain('namespace_id is "abc"')
  })

  it('suggests a rate-limiter namespace that is not the sample’s, the same on every run', () => {
    expect(suggestNamespaceId('palabre')).toBe(suggestNamespaceId('palabre'))
    expect(suggestNamespaceId('palabre')).toMatch(/^[1-9]\d{3}$/)
    expect(suggestNamespaceId('palabre')).not.toBe('1001')
  })

  it('wants a route or custom domain for the baseUrl host, unless it is on workers.dev', () => {
    expect(whats(inputs({ wrangler: { ...good, routes: [] } }))).toEqual([
      'error: baseUrl is on blog.camille.fr, but no route or custom domain of wrangler.toml sends blog.camille.fr to this Worker.',
    ])
    expect(checkDeploy(inputs({ wrangler: { ...good, routes: ['blog.camille.fr/*'] } }))).toEqual([])
    expect(checkDeploy(inputs({ wrangler: { ...good, routes: [{ pattern: '*.camille.fr/*', zone_name: 'camille.fr' }] } }))).toEqual([])
    expect(checkDeploy(inputs({ wrangler: { ...good, routes: [] }, site: { baseUrl: 'https://my-blog.camille.workers.dev', email: { from: 'b@camille.fr' } } }))).toEqual([])
    expect(whats(inputs({ wrangler: { ...good, routes: [], workers_dev: false }, site: { baseUrl: 'https://my-blog.camille.workers.dev', email: { from: 'b@camille.fr' } } }))[0]).toContain('workers_dev = false')
  })

  it('tells a machine without a browser about CLOUDFLARE_API_TOKEN, and a refused token apart', () => {
    const notSignedIn = checkDeploy(inputs({ whoami: { loggedIn: false }, secrets: undefined }))
    expect(notSignedIn.map((p) => p.fix).join()).toContain('CLOUDFLARE_API_TOKEN')
    const refused = checkDeploy(inputs({ whoami: { loggedIn: false }, secrets: undefined, env: { ADMIN_TOKEN: 'x', CLOUDFLARE_API_TOKEN: 'bad' } }))
    expect(refused.map((p) => p.what)).toEqual(['CLOUDFLARE_API_TOKEN is set, but wrangler could not sign in with it.'])
    expect(whats(inputs({ whoami: undefined, secrets: undefined }))).toEqual(['error: wrangler is not signed in to Cloudflare.'])
  })

  it('names the missing secrets and how to make them, before and after the first deploy', () => {
    const missing = checkDeploy(inputs({ secrets: ['EMAIL_API_KEY'] }))
    expect(missing.map((p) => p.what)).toEqual(['Missing secrets ADMIN_TOKEN, SIGNING_KEY.'])
    expect(missing[0]!.fix).toContain('openssl rand -base64 32')
    expect(checkDeploy(inputs({ secrets: 'no-worker' }))[0]!.what).toBe('Missing secrets ADMIN_TOKEN, SIGNING_KEY (the Worker does not exist yet).')
  })

  it('warns that email stays in the mailbox without EMAIL_API_KEY, and refuses it for EMAIL_TRANSPORT = http', () => {
    expect(whats(inputs({ secrets: ['ADMIN_TOKEN', 'SIGNING_KEY'] }))[0]).toMatch(/^warning: No EMAIL_API_KEY/)
    expect(whats(inputs({ secrets: ['ADMIN_TOKEN', 'SIGNING_KEY'], wrangler: { ...good, vars: { EMAIL_TRANSPORT: 'http' } } }))[0]).toMatch(/^error: No EMAIL_API_KEY/)
    expect(checkDeploy(inputs({ secrets: ['ADMIN_TOKEN', 'SIGNING_KEY'], wrangler: { ...good, vars: { EMAIL_TRANSPORT: 'mailbox' } } }))).toEqual([])
  })

  it('warns about half a Turnstile pair and about Workers Cache turned off', () => {
    expect(whats(inputs({ secrets: ['ADMIN_TOKEN', 'SIGNING_KEY', 'EMAIL_API_KEY', 'TURNSTILE_SECRET'] }))[0]).toContain('TURNSTILE_SECRET is set without its pair')
    expect(whats(inputs({ wrangler: { ...good, cache: { enabled: false } } }))[0]).toContain('Workers Cache is off')
  })

  it('refuses an unknown WEBHOOK_FORMAT and warns about one without the WEBHOOK_URL secret', () => {
    const withFormat = (format: string) => ({ ...good, vars: { ...good.vars, WEBHOOK_FORMAT: format } })
    expect(whats(inputs({ wrangler: withFormat('teams') }))).toEqual(['error: WEBHOOK_FORMAT is "teams".'])
    expect(whats(inputs({ wrangler: withFormat('slack') }))[0]).toMatch(/^warning: WEBHOOK_FORMAT is set but there is no WEBHOOK_URL secret/)
    expect(checkDeploy(inputs({ wrangler: withFormat('ntfy'), secrets: ['ADMIN_TOKEN', 'SIGNING_KEY', 'EMAIL_API_KEY', 'WEBHOOK_URL'] }))).toEqual([])
  })
})

describe('reading what wrangler prints', () => {
  it('reads `wrangler whoami --json` without credentials, as wrangler 4.164 prints it (exit 1)', () => {
    expect(parseWhoami('\n{"loggedIn":false}\n')).toEqual({ loggedIn: false })
  })
  it('reads a signed-in whoami', () => {
    const out = JSON.stringify({ loggedIn: true, authType: 'User API Token', email: 'c@camille.fr', accounts: [{ id: 'a', name: 'C' }] })
    expect(parseWhoami(`${out}\n`)).toEqual({ loggedIn: true, authType: 'User API Token', email: 'c@camille.fr' })
  })
  it('knows nothing from output without the JSON line', () => {
    expect(parseWhoami('✘ [ERROR] something else\n')).toBeUndefined()
  })
  it('reads the secret names, and a Worker that does not exist yet', () => {
    const list = '[\n  {\n    "name": "ADMIN_TOKEN",\n    "type": "secret_text"\n  },\n  {\n    "name": "SIGNING_KEY",\n    "type": "secret_text"\n  }\n]'
    expect(parseSecretList({ code: 0, stdout: list, stderr: '' })).toEqual(['ADMIN_TOKEN', 'SIGNING_KEY'])
    const stderr = '✘ [ERROR] Worker "palabre" not found.\n\nIf this is a new Worker, run `wrangler deploy` first to create it.'
    expect(parseSecretList({ code: 1, stdout: '', stderr })).toBe('no-worker')
    expect(parseSecretList({ code: 1, stdout: '', stderr: 'Authentication error [code: 10000]' })).toBeUndefined()
  })
})
