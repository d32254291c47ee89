/**
 * The discussion's one optional script, served from the site (CSP `script-src 'self'`): a reply
 * link moves the page's form under the comment it answers instead of opening the reply page, and
 * a button puts it back. The Preview button shows the comment in place, from the JSON API's
 * preview (`<form action>/preview` under `/api`), and falls back to the form's own POST when that
 * answers anything but 200. Without it every link and button still works. Served at
 * `REPLY_SCRIPT_PATH`.
 */
export const REPLY_SCRIPT = `(() => {
  const form = document.getElementById('comment-form')
  if (!form) return
  let plain = false
  form.addEventListener('submit', async (event) => {
    const button = event.submitter
    if (plain || !button || button.name !== 'preview') return
    event.preventDefault()
    const data = new FormData(form)
    const text = (name) => data.get(name) || null
    const body = { author: data.get('author') || '', email: text('email'), body: data.get('body') || '',
      parentId: data.get('parent_id') ? Number(data.get('parent_id')) : null, notify: text('notify') }
    let answer = null
    try {
      const res = await fetch('/api' + new URL(form.action).pathname + '/preview', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      if (res.ok) answer = await res.json()
    } catch {}
    if (!answer) { plain = true; form.requestSubmit(button); return }
    let box = form.querySelector('.comment-preview')
    if (!box) {
      box = document.createElement('section')
      box.className = 'comment-preview'
      box.id = 'comment-preview'
      box.setAttribute('aria-label', button.textContent)
      box.innerHTML = '<article class="comment-card"><header class="comment-meta"><bdi class="comment-author"></bdi></header><div class="comment-body" dir="auto"></div></article>'
      form.querySelector('.hp').before(box)
    }
    box.tabIndex = -1
    box.querySelector('.comment-author').textContent = body.author
    // Sanitized by the server, as every comment on the page is.
    box.querySelector('.comment-body').innerHTML = answer.html
    box.focus()
  })
  if (form.querySelector('input[name="parent_id"]')) return
  const home = form.parentNode, next = form.nextSibling, heading = form.querySelector('h2, h3')
  const title = heading.textContent
  const parent = document.createElement('input')
  parent.type = 'hidden'
  parent.name = 'parent_id'
  const cancel = document.createElement('button')
  cancel.type = 'button'
  cancel.className = 'cancel-reply'
  cancel.textContent = form.dataset.cancel
  cancel.addEventListener('click', () => {
    parent.remove(); cancel.remove(); heading.textContent = title
    home.insertBefore(form, next)
  })
  document.addEventListener('click', (event) => {
    const link = event.target.closest && event.target.closest('.comment-actions a[data-reply]')
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    parent.value = link.dataset.reply
    heading.textContent = link.getAttribute('aria-label')
    form.prepend(parent)
    heading.after(cancel)
    link.closest('.comment-card').after(form)
    form.querySelector('textarea').focus()
  })
})()
`
