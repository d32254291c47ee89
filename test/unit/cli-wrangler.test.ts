import { describe, expect, it } from 'vitest'
import { wranglerEnv } from '../../src/cli/wrangler'

describe('wranglerEnv', () => {
  it('turns off everything wrangler and miniflare would fetch from the internet', () => {
    // Without CLOUDFLARE_CF_FETCH_ENABLED, miniflare fetches request.cf from workers.cloudflare.com
    // on every start and reload of wrangler dev, and prints getaddrinfo ENOTFOUND offline.
    expect(wranglerEnv()).toMatchObject({ WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' })
  })
})
