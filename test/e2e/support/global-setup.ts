import type { TestProject } from 'vitest/node'
import { MISSING, probeFeatures, THREAD_SLUG, type Features } from './features'
import { seedThread } from './seed'
import { startPalabre, type Palabre } from './server'
import { THEMED_CONTENT_DIR } from '../../fixtures/site'
import { missingTools, skipNotice } from './tools'

/**
 * Starts one Palabre (`npm start` in a private copy, fresh local state) for every e2e and
 * validation test and seeds a threaded discussion under THREAD_SLUG; or, when Chromium or Java
 * is missing, prints a loud notice (before and after the run) and hands the tests `null` so they
 * skip. Under CI a missing tool fails the run instead.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const missing = missingTools()
  if (missing.length > 0) {
    // CI installs both (.ci/run): there a missing tool is a broken set-up, not a reason to skip.
    if (process.env.CI) throw new Error(`CI must run the browser and validation tests:\n${skipNotice(missing)}`)
    console.warn(skipNotice(missing))
    project.provide('palabre', null)
    project.provide('palabreThemed', null)
    return async () => console.warn(skipNotice(missing)) // again at the end, where it is seen
  }
  // The themed instance starts beside the main one; only the page checks (vnu, axe) read it.
  const started = await Promise.allSettled([startPalabre(), startPalabre(THEMED_CONTENT_DIR)])
  const failed = started.find((result) => result.status === 'rejected')
  if (failed) {
    await Promise.all(started.map((result) => result.status === 'fulfilled' && result.value.stop()))
    throw failed.reason
  }
  const [server, themed] = started.map((result) => (result as PromiseFulfilledResult<Palabre>).value) as [Palabre, Palabre]
  project.provide('palabreThemed', themed.origin)
  try {
    const features = await probeFeatures(server.origin, server.adminToken)
    const absent = (Object.keys(features) as (keyof Features)[]).filter((name) => !features[name])
    if (absent.length > 0) {
      console.warn(`\n[e2e] Tests of missing features are skipped:\n${absent.map((name) => `  - ${MISSING[name]}`).join('\n')}\n`)
    }
    const thread = features.commentApi ? await seedThread(server, THREAD_SLUG) : []
    project.provide('palabre', { origin: server.origin, adminToken: server.adminToken, features, thread })
  } catch (err) {
    await Promise.all([server.stop(), themed.stop()])
    throw err
  }
  return async () => {
    await Promise.all([server.stop(), themed.stop()])
  }
}
