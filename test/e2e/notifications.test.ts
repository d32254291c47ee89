import { describe, it } from 'vitest'

/**
 * Reply notifications through the local mailbox (issue 4): not built yet. Each todo is one step
 * of the flow to write once `GET /api/admin/mailbox` and the unsubscribe pages exist; the global
 * setup already reports whether the server has the mailbox (features.mailbox).
 */
describe('reply notifications in the local mailbox (issue 4)', () => {
  it.todo('a reader posts a comment with an email and "When someone replies to me" (notify=replies); it is approved')
  it.todo('another reader replies to it through the form; the reply is approved in /admin')
  it.todo('GET /api/admin/mailbox (bearer ADMIN_TOKEN) then holds one message to the first reader, whose text names the post and links to the reply’s anchor')
  it.todo('the author’s reply (POST /api/admin/posts/<slug>/comments) notifies too; the reader’s own replies to themselves do not')
  it.todo('/admin/mailbox shows that message in the browser; its reply link opens the post at #comment-<id>')
  it.todo('the message’s unsubscribe link opens a page (GET changes nothing); its button (POST) unsubscribes; a second POST still answers 200')
  it.todo('after unsubscribing, a further reply sends no message to that reader')
  it.todo('the List-Unsubscribe and List-Unsubscribe-Post headers of the message point at the same one-click URL (RFC 8058), which works without an Origin header')
})
