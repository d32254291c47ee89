import { COMMENT_STATUSES } from '../../comments/types'
import type { ImportPlan } from './import-types'

/** The plan (or what was done) as lines for the terminal: every count the README promises, then the warnings. */
export function describePlan(plan: ImportPlan, dryRun: boolean): string[] {
  const count = <T>(list: T[], test: (x: T) => boolean) => list.filter(test).length
  const files = (kind: 'post' | 'page') => {
    const of = plan.files.filter((f) => f.kind === kind)
    return `${count(of, (f) => f.state === 'new')} new, ${count(of, (f) => f.state !== 'new')} already there`
  }
  const perStatus = COMMENT_STATUSES.map((s) => `${count(plan.comments, (c) => c.status === s)} ${s}`).join(', ')
  const verb = dryRun ? 'would write' : 'wrote'
  const lines = [
    `${dryRun ? 'Plan (dry run, nothing written)' : 'Imported'}:`,
    `  posts: ${files('post')} (${count(plan.files, (f) => f.kind === 'post' && /\ndraft: true\n/.test(f.text))} drafts)`,
    `  pages: ${files('page')}`,
    `  comments: ${verb} ${plan.comments.length} (${perStatus}); ${plan.commentsAlready} already imported; ${plan.comments.filter((c) => c.isAuthor).length} by the author`,
    `  comment ids: ${plan.comments.length - plan.takenIds.length} kept, ${plan.takenIds.length} taken (new ids given)${plan.takenIds.length ? `: ${plan.takenIds.join(', ')}` : ''}`,
    `  skipped: ${plan.skipped.pingbacks} pingbacks/trackbacks, ${plan.skipped.private} private posts, ${plan.skipped.trashed} trashed posts, ${plan.skipped.other} other`,
    `  commenters' website URLs dropped (Palabre does not show them): ${plan.droppedUrls}`,
    `  media: ${count(plan.media, (m) => m.state === 'new')} to copy, ${count(plan.media, (m) => m.state === 'same')} already there, ${plan.missingMedia.length} not found (original URL kept)`,
    ...plan.missingMedia.map((url) => `    not found: ${url}`),
    `  redirects: ${plan.redirects.length} to write`,
  ]
  if (plan.warnings.length) lines.push(`Warnings (${plan.warnings.length}):`, ...plan.warnings.map((w) => `  - ${w}`))
  return lines
}
