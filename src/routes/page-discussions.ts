import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { PAGE_HOST } from './comment-common'
import { commentEditRoutes } from './comment-edit'
import { commentFeedRoutes } from './comment-feed'
import { commentPreviewApiRoutes } from './comment-preview'
import { commentRoutes } from './comments'
import { commentsApiRoutes } from './comments-api'

/**
 * The discussion of a page that takes comments (`comments: true`), at the page's own address:
 * the same routes as a post's, under `/<slug>/comments…` and `/api/<slug>/comments…` instead of
 * `/posts/<slug>/…`. Mounted after every other route: `/:page/comments` also matches paths of
 * other routes (`/tags/comments`), so each handler falls through with `next()` when the segment
 * is no commentable page, and the routes mounted before it are never shadowed.
 */
export const pageDiscussions = new Hono<AppEnv>()

pageDiscussions.route('/', commentRoutes(PAGE_HOST))
pageDiscussions.route('/', commentEditRoutes(PAGE_HOST))
pageDiscussions.route('/', commentFeedRoutes(PAGE_HOST))
pageDiscussions.route('/api', commentsApiRoutes(PAGE_HOST))
pageDiscussions.route('/api', commentPreviewApiRoutes(PAGE_HOST))
