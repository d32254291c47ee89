/**
 * Colours of highlighted code (highlight.js's classes, given at publish time) per colour scheme,
 * each at least 4.5:1 against the code background of its scheme (`--code-bg`), which a unit test
 * measures. Kept apart from the rules so the test can read them.
 */
export const CODE_COLOURS = {
  light: { keyword: '#7928a1', string: '#116329', number: '#8a4b00', title: '#0550ae', comment: '#5c6068', name: '#b31d28' },
  dark: { keyword: '#d2a8ff', string: '#7ee787', number: '#ffa657', title: '#79c0ff', comment: '#a3abb6', name: '#ff7b72' },
} as const

const vars = (colours: Record<string, string>) =>
  Object.entries(colours)
    .map(([name, colour]) => `--hl-${name}:${colour}`)
    .join(';')

/** The rules, appended to the built-in stylesheet (`STYLES`). */
export const HIGHLIGHT_STYLES = `
:root{${vars(CODE_COLOURS.light)}}
@media (prefers-color-scheme:dark){:root{${vars(CODE_COLOURS.dark)}}}
.hljs-keyword,.hljs-selector-tag,.hljs-doctag,.hljs-operator{color:var(--hl-keyword)}
.hljs-string,.hljs-regexp,.hljs-symbol,.hljs-bullet,.hljs-addition,.hljs-char{color:var(--hl-string)}
.hljs-number,.hljs-literal,.hljs-built_in,.hljs-type,.hljs-params,.hljs-meta,.hljs-attr,.hljs-attribute{color:var(--hl-number)}
.hljs-title,.hljs-section{color:var(--hl-title)}
.hljs-comment,.hljs-quote{color:var(--hl-comment);font-style:italic}
.hljs-variable,.hljs-template-variable,.hljs-tag,.hljs-name,.hljs-selector-id,.hljs-selector-class,.hljs-selector-attr,.hljs-selector-pseudo,.hljs-deletion,.hljs-link{color:var(--hl-name)}
.hljs-emphasis{font-style:italic}
.hljs-strong{font-weight:700}
`.trim()
