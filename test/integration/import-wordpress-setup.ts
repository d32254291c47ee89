import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import type { ImportPlan } from '../../src/cli/import/import-types'

/**
 * The WordPress import's plan of the fixture export, handed to the integration tests, which
 * apply its rows to D1 in workerd. It is made in a Node process of its own: the converter is
 * Node-side only, and this project's module graph (even its global setup's) resolves packages
 * with workerd's conditions, which give turndown's browser build (it needs `document`).
 */
export default function setup(project: TestProject): void {
  const tsx = path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/cli.mjs')
  const script = path.resolve(import.meta.dirname, '../fixtures/wordpress/print-plan.ts')
  project.provide('wordpressImport', JSON.parse(execFileSync(process.execPath, [tsx, script], { encoding: 'utf8' })) as WordPressImport)
}

type WordPressImport = Pick<ImportPlan, 'comments' | 'redirects'>

declare module 'vitest' {
  export interface ProvidedContext {
    wordpressImport: WordPressImport
  }
}
