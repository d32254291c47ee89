import type { Context } from 'hono'
import { editToken, viewToken } from '../comments/poster'
import { pageOfComment } from '../comments/tree'
import type { CommentRow } from '../comments/types'
import type { DiscussionHost } from '../content/discussion-host'
import type { AppEnv } from '../env'
import { commentAnchor, commentPath, discussionPath } from '../urls'
import { loadThread } from './post-page'

/**
 * Where the poster goes after writing: a public comment's anchor on the discussion
 * page that holds it, carrying their edit link as `edit=<id>.<token>` (the page that shows it is
 * not cached); a held comment's signed, uncached view.
 */
export async function landing(c: Context<AppEnv>, meta: DiscussionHost, comment: CommentRow): Promise<string> {
  const key = c.env.SIGNING_KEY
  if (comment.status !== 'approved') return commentPath(meta, comment.id, await viewToken(key, comment))
  const { site } = c.get('index')
  const thread = await loadThread(c.env.DB, meta, site.comments.maxDepth)
  const page = (thread && pageOfComment(thread.roots, comment.id, site.comments.threadsPerPage)) ?? 1
  const path = discussionPath(meta, page)
  const edit = `edit=${comment.id}.${await editToken(key, comment)}`
  return `${path}${page > 1 ? '&' : '?'}${edit}#${commentAnchor(comment.id)}`
}
