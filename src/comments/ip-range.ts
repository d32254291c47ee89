import ipaddr from 'ipaddr.js'

/**
 * IP addresses and CIDR ranges of the content rules (`ips:` in `comments.hold` and
 * `comments.block`), IPv4 and IPv6. Parsed by ipaddr.js, in its strict forms only: IPv4 as four
 * decimal parts, since `127.1` or `0x7f.0.0.1` (which its loose parser takes) are typos in a list
 * an author writes. An IPv4-mapped IPv6 address (`::ffff:192.0.2.1`, what a dual-stack socket
 * reports) is matched as the IPv4 address it carries.
 */

type Address = ipaddr.IPv4 | ipaddr.IPv6

/** A parsed range: the address and how many leading bits must match (32 or 128 for one address). */
export type IpRange = readonly [Address, number]

/** The range an entry stands for (`203.0.113.7`, `198.51.100.0/24`, `2001:db8::/32`), or null when it is none. */
export function parseIpRange(entry: string): IpRange | null {
  const text = entry.trim()
  try {
    if (text.includes('/')) {
      if (ipaddr.IPv4.isValidCIDRFourPartDecimal(text)) return ipaddr.IPv4.parseCIDR(text)
      if (ipaddr.IPv6.isValidCIDR(text)) return unmapped(ipaddr.IPv6.parseCIDR(text))
      return null
    }
    if (ipaddr.IPv4.isValidFourPartDecimal(text)) return [ipaddr.IPv4.parse(text), 32]
    if (ipaddr.IPv6.isValid(text)) return unmapped([ipaddr.IPv6.parse(text), 128])
  } catch {
    return null
  }
  return null
}

/** An IPv4-mapped IPv6 range as the IPv4 range it is (`::ffff:10.0.0.0/104` is `10.0.0.0/8`). */
function unmapped([address, bits]: [ipaddr.IPv6, number]): IpRange {
  if (address.isIPv4MappedAddress() && bits >= 96) return [address.toIPv4Address(), bits - 96]
  return [address, bits]
}

/** A client address as CF-Connecting-IP gives it, or null when it is not one. */
export function parseIp(ip: string): Address | null {
  try {
    return ipaddr.isValid(ip) ? ipaddr.process(ip) : null
  } catch {
    return null
  }
}

/** Whether `ip` lies in any of `ranges` (an IPv4 address never matches an IPv6 range, and back). */
export function inRanges(ip: Address, ranges: readonly IpRange[]): boolean {
  return ranges.some(([range, bits]) => range.kind() === ip.kind() && ip.match(range as never, bits))
}
