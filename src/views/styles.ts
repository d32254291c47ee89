import { SITE_STYLES } from './site-styles'
import { HIGHLIGHT_STYLES } from './highlight-styles'

/**
 * The site's one stylesheet, inlined in a `<style>` in every page's head (no render-blocking
 * request). A constant: the Content-Security-Policy allows it by the hash of exactly this text.
 * Colours meet WCAG AA (4.5:1 for text) in both schemes.
 */
export const STYLES = `
:root{color-scheme:light dark;--bg:#fdfcfa;--fg:#1d2025;--muted:#555b64;--line:#d9dce1;--accent:#0a58ca;--accent-visited:#6a3fb5;--code-bg:#f1f2f4;--banner-bg:#fff4ce;--banner-fg:#3d3000;--focus:#c2410c;--error:#b3261e}
@media (prefers-color-scheme:dark){:root{--bg:#15171b;--fg:#e7e9ec;--muted:#a7adb6;--line:#343941;--accent:#8ab4f8;--accent-visited:#c5a8f5;--code-bg:#22252b;--banner-bg:#3d3000;--banner-fg:#fff4ce;--focus:#fdba74;--error:#ffb4ab}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue","Noto Sans",Arial,sans-serif,"Apple Color Emoji","Segoe UI Emoji";font-size:1.125rem;line-height:1.65;overflow-wrap:break-word}
.wrap{max-width:66ch;margin:0 auto;padding-left:1.25rem;padding-right:1.25rem}
a{color:var(--accent);text-underline-offset:.15em}
a:visited{color:var(--accent-visited)}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:2px}
.skip,.skip:visited{position:absolute;left:1rem;top:-4rem;z-index:10;padding:.5rem 1rem;background:var(--fg);color:var(--bg)}
.skip:focus{top:1rem}
.site-header{border-bottom:1px solid var(--line);padding:1.25rem 0}
.site-header .wrap{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:.25rem 1rem}
.site-title{margin:0;font-size:1.35rem;font-weight:700}
.site-title a,.site-title a:visited{color:var(--fg);text-decoration:none}
.site-description{margin:0;color:var(--muted);font-size:1rem}
.site-logo{display:inline-block;height:2.25rem;width:auto;max-width:12rem;vertical-align:middle;margin-right:.6rem;object-fit:contain}
main{display:block;padding:2rem 0 3rem}
.site-footer{border-top:1px solid var(--line);padding:1.5rem 0 2.5rem;color:var(--muted)}
.site-footer p{margin:.25rem 0;font-size:.95rem}
.site-footer a{color:inherit}
.social-links{list-style:none;padding:0;margin:.25rem 0;display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.95rem}
h1,h2,h3,h4,h5,h6{line-height:1.25;margin:2rem 0 .75rem}
h1{font-size:2.1rem;margin-top:0}
h2{font-size:1.55rem}
h3{font-size:1.25rem}
p,ul,ol,blockquote,pre,table,figure{margin:0 0 1.1rem}
img,video{max-width:100%;height:auto}
blockquote{margin-left:0;padding-left:1rem;border-left:4px solid var(--line);color:var(--muted)}
code,kbd,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.9em}
code{background:var(--code-bg);padding:.1em .3em;border-radius:3px}
pre{background:var(--code-bg);padding:1rem;overflow-x:auto;border-radius:4px;line-height:1.45}
pre code{background:none;padding:0}
${HIGHLIGHT_STYLES}
table{border-collapse:collapse;display:block;overflow-x:auto;max-width:100%}
th,td{border:1px solid var(--line);padding:.4rem .7rem;text-align:left}
th.align-center,td.align-center{text-align:center}
th.align-right,td.align-right{text-align:right}
hr{border:0;border-top:1px solid var(--line);margin:2rem 0}
.heading{display:flex;align-items:baseline;gap:.5rem}
.heading>h1,.heading>h2,.heading>h3,.heading>h4,.heading>h5,.heading>h6{flex:0 1 auto}
.anchor,.anchor:visited{color:var(--muted);text-decoration:none;font-weight:400}
.anchor:hover,.anchor:focus-visible{color:var(--accent)}
.footnotes{margin-top:2.5rem;border-top:1px solid var(--line);font-size:1rem}
.footnotes h2{font-size:1.1rem}
.meta{color:var(--muted);font-size:.95rem;margin:0 0 .5rem}
.meta>*+*::before{content:"·";margin:0 .45rem}
.tags{list-style:none;padding:0;margin:0 0 .5rem;display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.95rem}
.post-list{list-style:none;padding:0;margin:0}
.post-list>li{margin:0 0 2.25rem}
.post-list h2{margin:0 0 .25rem;font-size:1.45rem}
.post-list h2 a,.post-list h2 a:visited{color:var(--fg)}
.post-list p{margin:.25rem 0 0}
.post-header{margin-bottom:2rem}
.post-header h1{margin-bottom:.5rem}
.share{margin:2.5rem 0 0;padding-top:1rem;border-top:1px solid var(--line)}
.share h2{font-size:1rem;margin:0 0 .5rem}
.share ul{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.5rem 1.25rem}
.pagination{display:flex;justify-content:space-between;gap:1rem;margin-top:2rem}
.pagination .older{margin-left:auto}
.banner{background:var(--banner-bg);color:var(--banner-fg);padding:.75rem 1rem;border-radius:4px;margin:0 0 1.5rem;font-weight:600}
.visually-hidden{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.discussion{margin-top:3rem;padding-top:1.5rem;border-top:1px solid var(--line)}
.discussion>h2{margin-top:0}
.thread,.replies{list-style:none;margin:0;padding:0}
.replies{margin-left:1.25rem;padding-left:1rem;border-left:2px solid var(--line)}
.comment{margin:1.5rem 0 0}
.comment-meta{display:flex;flex-wrap:wrap;align-items:baseline;gap:.2rem .75rem;font-size:.95rem}
.comment-author{font-weight:700}
.comment-date,.comment-date:visited{color:var(--muted)}
.badge{font-size:.8rem;font-weight:600;padding:0 .45rem;border-radius:3px;border:1px solid var(--line);background:var(--code-bg)}
.badge.pending{background:var(--banner-bg);color:var(--banner-fg)}
.by-author>.comment-card{border-left:3px solid var(--accent);padding-left:.75rem}
.in-reply-to,.comment-deleted{margin:.2rem 0 0;color:var(--muted);font-size:.95rem}
.comment-deleted{font-style:italic}
.comment-body{margin-top:.35rem}
.comment-body>:last-child{margin-bottom:0}
.comment-actions{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;margin:.35rem 0 0;font-size:.95rem}
.notice{background:var(--code-bg);padding:.75rem 1rem;border-radius:4px}
.comment-form{margin-top:2.5rem}
.comment-form h2,.comment-form h3{margin-top:0}
.field{display:flex;flex-direction:column;gap:.25rem;margin:0 0 1rem}
.field small,.form-note{color:var(--muted);font-size:.95rem}
input,textarea,select,button{font:inherit;color:inherit}
.field input,.field textarea,.field select{width:100%;padding:.5rem .6rem;border:1px solid var(--muted);border-radius:4px;background:var(--bg)}
.field [aria-invalid=true]{border:2px solid var(--error)}
.field-error{margin:0;color:var(--error);font-weight:600}
.form-errors{border:2px solid var(--error);padding:.75rem 1rem;border-radius:4px;margin:0 0 1rem}
.form-errors p{margin:0}
button{padding:.55rem 1.1rem;border:1px solid var(--accent);border-radius:4px;background:var(--accent);color:var(--bg);font-weight:600;cursor:pointer}
.cancel-reply{margin:0 0 1rem;background:var(--bg);color:var(--accent)}
button.danger{border-color:var(--error);background:var(--bg);color:var(--error)}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
/* Readers' tools (issue 13): the comment preview, the Preview button. */
.comment-preview{border:1px dashed var(--muted);border-radius:4px;padding:.75rem 1rem;margin:0 0 1rem}
.comment-preview h3,.comment-preview h4{margin:0 0 .25rem;font-size:1rem}
button.secondary{background:var(--bg);color:var(--accent)}
.comment-meta .avatar{order:-1;width:2rem;height:2rem;border-radius:4px;align-self:center}
@media (max-width:40rem){.replies{margin-left:.35rem;padding-left:.65rem}}
@media print{.comment-form,.comment-actions{display:none}}
@media (max-width:40rem){body{font-size:1.0625rem}h1{font-size:1.75rem}h2{font-size:1.35rem}.wrap{padding-left:1rem;padding-right:1rem}}
@media (prefers-reduced-motion:reduce){*{scroll-behavior:auto!important;transition:none!important}}
@media print{.skip,.share,.site-footer,.pagination,.anchor{display:none}body{background:#fff;color:#000}a{color:#000}}
${SITE_STYLES}
.search-form{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem;margin:0 0 1.5rem}
.search-form label{flex-basis:100%}
.search-form input{flex:1 1 12rem;min-width:0;padding:.45rem .6rem;border:1px solid var(--muted);border-radius:4px;background:var(--bg)}
.search-form.compact{flex:0 1 22rem;margin:0}
.search-form.compact button{padding:.45rem .8rem}
.search-results h2{font-size:1.3rem;margin:1.5rem 0 .25rem}
mark{background:var(--banner-bg);color:var(--banner-fg);border-radius:2px}
@media print{.search-form{display:none}}
`.trim()
