/**
 * What the deploy pre-flight reads: the wrangler config (through wrangler's own reader, so a
 * wrangler.jsonc works as well as wrangler.toml) and what wrangler prints. The parsers are pure
 * and tested on recorded output, so no test asks Cloudflare.
 */
import type { SecretNames, WhoAmI } from './deploy-checks'

type Route = string | { pattern: string; custom_domain?: boolean; zone_name?: string; zone_id?: string }

/** The part of the wrangler config the checks look at, as the file spells it. */
export interface WranglerConfig {
  name?: string
  kv_namespaces?: { binding: string; id?: string }[]
  d1_databases?: { binding: string; database_name?: string; database_id?: string }[]
  ratelimits?: { name: string; namespace_id?: string | number }[]
  routes?: Route[]
  route?: Route
  workers_dev?: boolean
  vars?: Record<string, unknown>
  cache?: { enabled?: boolean }
}

/**
 * Reads the project's wrangler config as written (no defaults filled in). wrangler's reader is
 * an experimental export, so it is loaded here only, when the deploy runs.
 */
export async function readWranglerConfig(configPath: string): Promise<WranglerConfig> {
  const { experimental_readRawConfig } = (await import('wrangler')) as unknown as {
    experimental_readRawConfig(args: { config: string }): { rawConfig: WranglerConfig }
  }
  return experimental_readRawConfig({ config: configPath }).rawConfig
}

/**
 * `wrangler whoami --json`: one JSON object, `{"loggedIn":false}` (exit 1) when wrangler has no
 * credentials, else `{"loggedIn":true,"authType":…,"email":…,"accounts":[…]}`. Undefined when the
 * output holds no such object (wrangler failed some other way).
 */
export function parseWhoami(stdout: string): WhoAmI | undefined {
  for (const line of stdout.split('\n').reverse()) {
    if (!line.trim().startsWith('{')) continue
    try {
      const value = JSON.parse(line) as { loggedIn?: unknown; email?: unknown; authType?: unknown }
      if (value.loggedIn === false) return { loggedIn: false }
      if (value.loggedIn === true)
        return { loggedIn: true, email: typeof value.email === 'string' ? value.email : undefined, authType: typeof value.authType === 'string' ? value.authType : undefined }
    } catch {
      // Not the JSON line.
    }
  }
  return undefined
}

/**
 * `wrangler secret list --format json`: a JSON array of `{name, type}`. A Worker that was never
 * deployed makes wrangler exit 1 with `Worker "<name>" not found`: `no-worker`.
 */
export function parseSecretList(result: { code: number; stdout: string; stderr: string }): SecretNames {
  if (result.code !== 0) return /Worker "[^"]*".*not found/s.test(`${result.stdout}\n${result.stderr}`) ? 'no-worker' : undefined
  const start = result.stdout.indexOf('[')
  const end = result.stdout.lastIndexOf(']')
  if (start < 0 || end < start) return undefined
  try {
    const list = JSON.parse(result.stdout.slice(start, end + 1)) as { name?: unknown }[]
    return list.flatMap((secret) => (typeof secret.name === 'string' ? [secret.name] : []))
  } catch {
    return undefined
  }
}
