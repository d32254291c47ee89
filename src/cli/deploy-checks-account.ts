import type { Problem, SecretNames, WhoAmI } from './deploy-checks'
import { WEBHOOK_FORMATS } from '../notify/webhook'
import type { WranglerConfig } from './deploy-config'

export const REQUIRED_SECRETS = ['ADMIN_TOKEN', 'SIGNING_KEY'] as const
const GENERATE = 'generate one with `openssl rand -base64 32` (or `node -e "console.log(crypto.randomBytes(32).toString(\'base64\'))"`)'

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
  return [...problems, ...checkWebhook(names, config)]
}

/** The optional webhook: WEBHOOK_FORMAT (a var) must name a format, and is of no use without the WEBHOOK_URL secret. */
function checkWebhook(names: Set<string>, config: WranglerConfig): Problem[] {
  const format = config.vars?.WEBHOOK_FORMAT
  if (format === undefined || format === '') return []
  if (!(WEBHOOK_FORMATS as readonly string[]).includes(String(format).trim().toLowerCase()))
    return [{ level: 'error', what: `WEBHOOK_FORMAT is "${String(format)}".`, fix: `Set it to one of ${WEBHOOK_FORMATS.join(', ')} in wrangler.toml's [vars], or remove it (json).` }]
  if (!names.has('WEBHOOK_URL'))
    return [{ level: 'warning', what: 'WEBHOOK_FORMAT is set but there is no WEBHOOK_URL secret: no alert will be sent.', fix: 'Run `npx wrangler secret put WEBHOOK_URL` with the Slack, Discord or ntfy address (README, "Alerts"), or remove WEBHOOK_FORMAT.' }]
  return []
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

