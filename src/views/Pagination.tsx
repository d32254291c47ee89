import type { UiStrings } from '../i18n'
import { listPath } from '../urls'

/** Links to the newer and older pages of the post list, with `rel="prev"` and `rel="next"`. */
export function Pagination({ page, totalPages, ui }: { page: number; totalPages: number; ui: UiStrings }) {
  if (totalPages <= 1) return null
  return (
    <nav class="pagination" aria-label={ui.list.pagination}>
      {page > 1 && (
        <a class="newer" href={listPath(page - 1)} rel="prev">
          ← {ui.list.newer}
        </a>
      )}
      {page < totalPages && (
        <a class="older" href={listPath(page + 1)} rel="next">
          {ui.list.older} →
        </a>
      )}
    </nav>
  )
}
