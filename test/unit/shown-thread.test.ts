import { describe, expect, it } from 'vitest'
import { buildThread } from '../../src/comments/tree'
import { postHost } from '../../src/content/discussion-host'
import { DEFAULT_SITE } from '../../src/content/site-defaults'
import type { PostMeta, SiteConfig } from '../../src/content/types'
import { canaryRows, discussionViewKey, shownThread } from '../../src/views/shown-thread'

/**
 * The key a stored discussion page is valid for (src/views/shown-thread.ts): everything its HTML
 * depends on besides the thread, the renderer included through a canary thread. A key that
 * missed a setting would serve a page rendered for another one.
 */

const site: SiteConfig = { ...DEFAULT_SITE, baseUrl: 'https://blog.example' }
const meta: PostMeta = { slug: 'a-post', title: 'A post', summary: '', date: '2026-11-01T00:00:00.000Z', tags: [], draft: false, comments: true, hash: 'h', words: 10, readingMinutes: 1 }
const host = postHost(meta)

describe('discussionViewKey', () => {
  it('is the same for the same settings, and changes with each setting the HTML depends on', () => {
    const key = discussionViewKey(site, host)
    expect(discussionViewKey({ ...site }, postHost({ ...meta }))).toBe(key)
    const others = [
      discussionViewKey(site, postHost({ ...meta, lang: 'fr' })),
      discussionViewKey({ ...site, timeZone: 'Europe/Paris' }, host),
      discussionViewKey(site, postHost({ ...meta, comments: false })),
      discussionViewKey(site, postHost({ ...meta, slug: 'another-post' })),
      discussionViewKey({ ...site, comments: { ...site.comments, threadsPerPage: 1 } }, host),
      discussionViewKey({ ...site, comments: { ...site.comments, maxDepth: 2 } }, host),
      discussionViewKey({ ...site, comments: { ...site.comments, avatars: false } }, host),
    ]
    expect(new Set([key, ...others]).size).toBe(others.length + 1)
    // The language is the post's, else the site's: a French site and a French post on an English one render alike.
    expect(discussionViewKey({ ...site, language: 'fr' }, host)).toBe(discussionViewKey(site, postHost({ ...meta, lang: 'fr' })))
  })

  it('hashes a canary that holds every kind of thing a thread renders, so a renderer change changes it', () => {
    const thread = buildThread(canaryRows(site.comments.maxDepth), { maxDepth: site.comments.maxDepth })
    const html = shownThread(site, host, thread, 1)!.html
    for (const part of ['class="replies"', 'class="in-reply-to"', 'class="comment-deleted"', 'class="badge"', 'class="avatar"',
      'The &lt;Author&gt; &amp; &quot;co&quot;', '<em>', 'data-reply=', '<time datetime=']) {
      expect(html).toContain(part)
    }
    // The pruned placeholder, the orphan shown at the top level, the held comment left out.
    expect(thread.roots.map((node) => node.deleted)).toEqual([false, true, false])
    expect(thread.count).toBe(canaryRows(site.comments.maxDepth).filter((row) => row.status === 'approved').length)
  })
})
