/**
 * The discussion's one optional script, served from the site (CSP `script-src 'self'`): a reply
 * link moves the page's form under the comment it answers instead of opening the reply page, and
 * a button puts it back. Without it every link still works. Served at `REPLY_SCRIPT_PATH`.
 */
export const REPLY_SCRIPT = `(() => {
  const form = document.getElementById('comment-form')
  if (!form || form.querySelector('input[name="parent_id"]')) return
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
