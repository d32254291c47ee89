import type { D1Migration } from '@cloudflare/vitest-plugin'

declare global {
  namespace Cloudflare {
    interface Env {
      /** Test-only binding: the project's migrations, read by test/vitest.config.ts. */
      TEST_MIGRATIONS: D1Migration[]
      ADMIN_TOKEN: string
      SIGNING_KEY: string
    }
  }
}
export {}
