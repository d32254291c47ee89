/**
 * Asks the running Worker to purge cache tags, or every cached page with `{ everything: true }`
 * (`POST <url>/api/admin/purge`): zone-level purges do not reach Workers Cache, and locally only
 * the Worker can reach its Cache API.
 * Resolves with a problem description, or null on success; never throws, since the content is
 * already written and a missed purge only delays the update until the pages expire.
 */
export async function requestPurge(baseUrl: string, token: string, tags: string[] | { everything: true }): Promise<string | null> {
  try {
    const res = await fetch(`${baseUrl}/api/admin/purge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(Array.isArray(tags) ? { tags } : tags),
      signal: AbortSignal.timeout(10_000),
    })
    if (res.ok) return null
    return `${baseUrl}/api/admin/purge answered ${res.status} ${(await res.text()).slice(0, 200)}`
  } catch (err) {
    const cause = (err as Error & { cause?: Error }).cause
    return `could not reach ${baseUrl}/api/admin/purge (${cause?.message ?? (err as Error).message})`
  }
}
