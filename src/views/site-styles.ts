/**
 * The rules of the site around the posts (navigation, archive, list of tags, links between
 * posts), appended to the one stylesheet (`STYLES`), whose CSP hash covers them. The navigation
 * collapses on a phone by wrapping its links onto more lines: no script, no hidden menu.
 */
export const SITE_STYLES = `
.site-nav{flex-basis:100%}
.site-nav ul{list-style:none;margin:.5rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:0 1.25rem}
.site-nav a,.site-nav a:visited{display:inline-block;padding:.4rem 0;color:var(--fg)}
.site-nav a[aria-current=page]{font-weight:700;text-decoration-thickness:2px}
.archive-list,.tag-index{list-style:none;padding:0;margin:0 0 1.5rem}
.archive-list li{display:flex;flex-wrap:wrap;gap:0 1rem;margin:0 0 .4rem}
.archive-list time{color:var(--muted);font-variant-numeric:tabular-nums;min-width:9.5rem}
.archive h3{font-size:1.1rem;margin:1.25rem 0 .5rem}
.tag-index{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}
.tag-index .meta{display:inline;margin-left:.4rem}
.post-nav{margin:2.5rem 0 0;padding-top:1rem;border-top:1px solid var(--line)}
.post-nav ul{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;justify-content:space-between;gap:1rem 2rem}
.post-nav .older{margin-left:auto;text-align:right}
.post-nav span{display:block;color:var(--muted);font-size:.95rem}
.translations{margin:.5rem 0 0}
@media print{.site-nav,.post-nav{display:none}}
`.trim()
