import { pageKey } from './keys'
import type { ContentIndex, Page, PageMeta } from './types'

/** The page published under `slug`, drafts included (the route decides who may see one). */
export function findPage(index: ContentIndex, slug: string): PageMeta | undefined {
  return index.pages?.find((meta) => meta.slug === slug)
}

/** The page's HTML joined to its metadata, or null when KV does not hold it (yet). */
export async function getPage(kv: KVNamespace, meta: PageMeta): Promise<Page | null> {
  const html = await kv.get(pageKey(meta), 'text')
  return html === null ? null : { ...meta, html }
}

/** The pages readers may see, by slug: every page that is not a draft (pages have no date). */
export function listPublicPages(index: ContentIndex): PageMeta[] {
  return (index.pages ?? []).filter((meta) => !meta.draft)
}
