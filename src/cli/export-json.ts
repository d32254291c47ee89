import type { ExportData } from './export-model'

/**
 * The JSON form of `npm run export` (the README's "Leaving Palabre" documents it field by field):
 * `{format: "palabre-export", version: 1, exportedAt, site, posts, comments, subscriptions}`.
 * Times are ISO 8601 (UTC); threads are rebuilt from `parentId`; every string is as stored.
 */
export const EXPORT_JSON_VERSION = 1

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

export function buildExportJson(data: ExportData): string {
  const { site } = data
  const document = {
    format: 'palabre-export',
    version: EXPORT_JSON_VERSION,
    exportedAt: data.exportedAt.toISOString(),
    site: { title: site.title, description: site.description, author: site.author, language: site.language, timeZone: site.timeZone, baseUrl: site.baseUrl },
    posts: data.posts.map((post) => ({
      type: post.type,
      slug: post.slug,
      title: post.title,
      url: post.url,
      date: post.date,
      updated: post.updated ?? null,
      status: post.status,
      tags: post.tags,
      summary: post.summary,
      lang: post.lang ?? null,
      wordpressId: post.wordpressId,
      inContent: post.inContent,
      commentsOpen: post.commentsOpen,
      markdown: post.markdown,
    })),
    comments: data.comments.map((comment) => ({
      id: comment.id,
      postSlug: comment.postSlug,
      parentId: comment.parentId,
      author: comment.author,
      email: comment.email,
      isAuthor: comment.isAuthor,
      status: comment.status,
      createdAt: iso(comment.createdAt),
      updatedAt: iso(comment.updatedAt),
      body: comment.body,
      html: comment.html,
      notify: comment.notify,
    })),
    subscriptions: data.subscriptions.map((s) => ({
      id: s.id,
      email: s.email,
      scope: s.scope,
      postSlug: s.postSlug,
      commentId: s.commentId,
      createdAt: iso(s.createdAt),
      confirmedAt: iso(s.confirmedAt),
      addressConfirmedAt: iso(s.addressConfirmedAt),
    })),
  }
  return `${JSON.stringify(document, null, 2)}\n`
}
