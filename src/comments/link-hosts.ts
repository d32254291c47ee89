/** The domains a rendered comment links to, for the content rules' `links` (rules.ts). */

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" }

/**
 * The host names the links of a rendered comment point to, lowercase (IDNs in punycode, as the
 * schema stores link entries); a mailto link counts by its address's domain. The HTML is the
 * comment renderer's, whose hrefs are escaped with those five entities only.
 */
export function linkHosts(html: string): string[] {
  const hosts = new Set<string>()
  for (const [, href] of html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/g)) {
    const url = href!.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!)
    const host = hostOf(url)
    if (host) hosts.add(host)
  }
  return [...hosts]
}

function hostOf(url: string): string | null {
  if (/^mailto:/i.test(url)) {
    let address: string
    try {
      address = decodeURIComponent(url.slice(7).split('?')[0] ?? '')
    } catch {
      return null
    }
    return address.includes('@') ? hostOf(`http://${address.slice(address.lastIndexOf('@') + 1)}`) : null
  }
  if (!URL.canParse(url)) return null
  return new URL(url).hostname.replace(/\.$/, '') || null
}
