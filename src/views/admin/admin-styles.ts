/**
 * The admin pages' own stylesheet, served at /admin/admin.css (the CSP allows same-origin
 * stylesheets; the inline one is reserved for the public pages' hashed styles).
 */
export const ADMIN_STYLES = `
.admin-bar{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:.5rem 1rem}
.admin-bar form{margin:0}
.admin-list{list-style:none;padding:0;margin:0 0 2rem}
.admin-list>li{border-top:1px solid var(--line);padding:1rem 0}
.admin-comment .meta{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem .75rem}
.admin-comment .meta>*+*::before{content:none}
.excerpt{white-space:pre-wrap;margin:.5rem 0;color:var(--fg)}
.status,.badge{font-size:.85rem;border:1px solid var(--line);border-radius:3px;padding:0 .35rem}
.status-pending{border-color:var(--focus)}
.held-reason{margin:.25rem 0;font-size:.95rem}
.actions,.bulk{display:flex;flex-wrap:wrap;gap:.5rem;margin:.5rem 0}
.bulk{border:1px solid var(--line);padding:.5rem 1rem}
.reply label{display:block;font-size:.95rem}
.reply textarea,.sign-in input{width:100%;font:inherit;padding:.4rem}
.reply textarea{min-height:4.5rem}
button{font:inherit;padding:.25rem .75rem}
.field-error{color:var(--focus);font-weight:600;margin:.25rem 0}
.admin-nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;padding:0;margin:0 0 1.5rem}
.admin-nav [aria-current=page]{font-weight:700;color:var(--fg);text-decoration:none}
button.danger{background:var(--error);border-color:var(--error);color:var(--bg)}
.confirm .actions{align-items:center}
`.trim()
