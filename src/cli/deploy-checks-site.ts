import type { SiteConfig } from '../content/types'
import type { Problem } from './deploy-checks'
import type { WranglerConfig } from './deploy-config'

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

