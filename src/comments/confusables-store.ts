import type { ContentIndex } from '../content/types'
import { CommentRejected } from '../errors/codes'
import { confusablesTable, type Confusables } from './reserved-name'

/**
 * The confusables table a comment's name is folded with (src/comments/reserved-name.ts), read
 * from KV under the key the index names (`index.confusables`, written by the publish tool) and
 * kept for the isolate's life: the key is content-addressed, so a kept table is never stale.
 */
let kept: { key: string; table: Confusables } | undefined

/**
 * The published table. Without it no name can be checked against the author's, so the comment
 * waits: `unavailable` (503, the reader's text kept in the form), and a log line that says what
 * to do. Only an index published before the table existed, or a KV value lost, gets there.
 */
export async function loadConfusables(kv: KVNamespace, index: Pick<ContentIndex, 'confusables'>): Promise<Confusables> {
  const key = index.confusables
  if (kept && kept.key === key) return kept.table
  const entries = key ? await kv.get<Record<string, string>>(key, 'json') : null
  if (!key || !entries) {
    console.error(`the confusables table is not in KV (${key ?? 'the index names none'}): publish again (npm run content:publish, or npm run deploy)`)
    throw new CommentRejected('unavailable')
  }
  kept = { key, table: confusablesTable(entries) }
  return kept.table
}
