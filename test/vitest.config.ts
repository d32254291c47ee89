import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { experimental_readRawConfig, type Unstable_RawConfig } from 'wrangler'
import { defineConfig } from 'vitest/config'

const root = path.resolve(import.meta.dirname, '..')

/**
 * The configuration the Worker is tested with: wrangler.toml as it is (bindings, vars,
 * compatibility date) but with test/fixtures/content/ as its static assets instead of the
 * author's content/ (test/fixtures/site.ts names what is in it), written where the project's
 * `.dev.vars` and `.env` are not: wrangler reads those next to the configuration file, and the
 * tests define their own bindings (below). The folder is git-ignored with node_modules.
 */
function testWranglerConfig(): string {
  const rawConfig: Unstable_RawConfig = experimental_readRawConfig({ config: path.join(root, 'wrangler.toml') }).rawConfig
  const fromRoot = (p: string | undefined) => (p === undefined ? undefined : path.resolve(root, p))
  const config = {
    ...rawConfig,
    main: fromRoot(rawConfig.main),
    assets: { ...rawConfig.assets, directory: path.join(root, 'test/fixtures/content') },
    d1_databases: rawConfig.d1_databases?.map((db) => ({ ...db, migrations_dir: fromRoot(db.migrations_dir) })),
  }
  const dir = path.join(root, 'node_modules/.cache/palabre-test')
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, 'wrangler.json'), `${JSON.stringify(config, null, 2)}\n`)
  return path.join(dir, 'wrangler.json')
}

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
            wrangler: { configPath: testWranglerConfig() },
            miniflare: {
              bindings: {
                ADMIN_TOKEN: 'test-admin-token',
                SIGNING_KEY: 'test-signing-key',
                // Tests never send real email.
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
          // The WordPress import's plan, made in Node where its converter runs.
          globalSetup: ['test/integration/import-wordpress-setup.ts'],
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
          // Hang guards, generous so that a busy machine is slower, not failing (the global setup's
          // wait for npm start has its own, in support/server.ts).
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
})
