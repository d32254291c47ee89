import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { uploadPath } from './urls'

/** What `downloadUploads` brought: the uploads it saved (paths relative to `dir`) and the URLs it could not fetch, with why. */
export interface Downloads {
  saved: string[]
  failed: { url: string; reason: string }[]
}

/**
 * Fetches uploads the `--uploads` folder lacked (absolute URLs of the old blog) into `dir`,
 * under the same `2016/03/…` paths, a few at a time, each within `timeoutMs`. What cannot be
 * fetched (offline, 404, not an upload URL) is reported, never thrown: its original URL is kept.
 */
export async function downloadUploads(urls: string[], dir: string, timeoutMs = 10_000, parallel = 4): Promise<Downloads> {
  const result: Downloads = { saved: [], failed: [] }
  const queue = [...urls]
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      const rel = uploadPath(new URL(url))
      if (rel === null) {
        result.failed.push({ url, reason: 'not an upload URL' })
        continue
      }
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' })
        if (!res.ok) throw new Error(`HTTP ${res.status}`)
        const file = path.join(dir, rel)
        await mkdir(path.dirname(file), { recursive: true })
        await writeFile(file, new Uint8Array(await res.arrayBuffer()))
        result.saved.push(rel)
      } catch (err) {
        const cause = (err as Error & { cause?: Error }).cause
        result.failed.push({ url, reason: cause?.message ?? (err as Error).message })
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, urls.length) }, worker))
  return result
}
