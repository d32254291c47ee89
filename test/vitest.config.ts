import path from 'node:path'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

const root = path.resolve(import.meta.dirname, '..')

export default defineConfig({
  test: {
    projects: [
      {
        // Pure functions and the Node-side tools (publishing reads content/ from disk).
        test: { name: 'unit', root, include: ['test/unit/**/*.test.{ts,tsx}'], environment: 'node' },
      },
      {
        // The real Worker in workerd, with local KV, D1 (real migrations) and the Cache API.
        plugins: [
          cloudflareTest(async () => ({
            wrangler: { configPath: path.join(root, 'wrangler.toml') },
            miniflare: {
              bindings: {
                ADMIN_TOKEN: 'test-admin-token',
                SIGNING_KEY: 'test-signing-key',
                // A developer's .dev.vars may hold a real provider key: tests never send real email.
                EMAIL_TRANSPORT: 'mailbox',
                EMAIL_API_KEY: '',
                TEST_MIGRATIONS: await readD1Migrations(path.join(root, 'migrations')),
              },
            },
          })),
        ],
        test: {
          name: 'integration',
          root,
          include: ['test/integration/**/*.test.{ts,tsx}'],
          setupFiles: ['test/integration/apply-migrations.ts'],
        },
      },
      {
        // Debian's Chromium and the Nu HTML Checker against `npm start` in a private copy of the
        // project (test/e2e/support/global-setup.ts), after the other projects so they do not share
        // two cores; skipped with a loud notice where Chromium or Java is missing.
        test: {
          name: 'e2e',
          root,
          include: ['test/e2e/**/*.test.ts', 'test/validate/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/support/global-setup.ts'],
          sequence: { groupOrder: 1 },
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
