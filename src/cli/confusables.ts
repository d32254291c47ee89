import confusables from 'unhomoglyph/data.json'
import { confusablesKey } from '../content/keys'
import { contentHash } from './build-index'

/**
 * The confusables table as the publish tool stores it in KV, for the Worker to fold commenters'
 * names with (src/comments/reserved-name.ts): the `unhomoglyph` package's JSON under a key that
 * hashes it, so that a Palabre upgrade that brings a new table publishes it under a new key.
 */
export function publishedConfusables(): { key: string; json: string } {
  const json = JSON.stringify(confusables)
  return { key: confusablesKey(contentHash(json)), json }
}
