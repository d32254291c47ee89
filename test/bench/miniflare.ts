import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'

/** The part of miniflare's `Miniflare` class the bench uses. */
export interface MiniflareInstance {
  ready: Promise<URL>
  getKVNamespace(binding: string): Promise<KVNamespace>
  getD1Database(binding: string): Promise<D1Database>
  dispose(): Promise<void>
}

interface MiniflareModule {
  Miniflare: new (options: unknown) => MiniflareInstance
  convertV4MiniflareOptions(options: Record<string, unknown>): unknown
}

/**
 * Loads the miniflare that wrangler itself runs (`wrangler dev` and the dry-run bundle), so the
 * bench measures the same runtime and never drifts from a second pinned copy.
 */
async function loadMiniflare(): Promise<MiniflareModule> {
  const fromWrangler = createRequire(import.meta.resolve('wrangler/package.json'))
  return (await import(pathToFileURL(fromWrangler.resolve('miniflare')).href)) as MiniflareModule
}

/**
 * Starts one Worker in miniflare on a free loopback port. `options` are miniflare's documented
 * v4 options (the bundled 5.x beta converts them); requests are not logged.
 */
export async function startMiniflare(
  options: Record<string, unknown>,
): Promise<{ mf: MiniflareInstance; url: URL }> {
  const { Miniflare, convertV4MiniflareOptions } = await loadMiniflare()
  const mf = new Miniflare(
    convertV4MiniflareOptions({ host: '127.0.0.1', port: 0, logRequests: false, ...options }),
  )
  return { mf, url: await mf.ready }
}
