/** The post the bench serves and renders (its markdown is `samplePostMarkdown()`). */
export const BENCH_POST = {
  slug: 'bench-long-post',
  title: 'A long post for the benchmark',
  tags: ['bench', 'performance'],
}

/** The same post under another slug, with the 500-comment discussion (`buildLargeDiscussion`). */
export const BENCH_POST_500 = { ...BENCH_POST, slug: 'bench-long-post-500', title: 'The long post, 500 comments' }

function section(n: number): string {
  return `## Section ${n}: «\u00a0Élan\u00a0» et café — ${n % 2 ? 'notes' : 'Notes'} 🚀

Voici un paragraphe d'essai avec des accents (é, è, à, ç, œ), des guillemets «\u00a0typographiques\u00a0»,
des espaces insécables avant les deux-points\u00a0: et un lien vers
[la documentation](https://developers.cloudflare.com/workers/) ainsi qu'un lien
[interne](/posts/hello-world#section-${n}). Some **bold**, some *emphasis*, \`inline code\`,
and ~~struck~~ text keep the inline rules busy.

- A list item with a [link](https://example.com/${n})
- Another item, with \`code\` and an emoji 🎉
  - A nested item
- The last item

1. First step
2. Second step

> A quotation that spans a line or two, to exercise block quotes in the renderer.

\`\`\`ts
export function add${n}(a: number, b: number): number {
  return a + b + ${n}
}
\`\`\`

| Column | Valeur | Note |
| --- | ---: | :---: |
| alpha | ${n * 3} | ✓ |
| bêta | ${n * 7} | — |

![Figure ${n}](/media/figure-${n}.png)

`
}

/**
 * A deterministic markdown post of at least `minBytes` UTF-8 bytes (about 15 KB by default)
 * that exercises the constructs real posts use: headings, lists, code, tables, images, links.
 */
export function samplePostMarkdown(minBytes = 15_000): string {
  let markdown = 'An opening paragraph, as a summary would quote it.\n\n'
  for (let n = 1; Buffer.byteLength(markdown) < minBytes; n++) markdown += section(n)
  return markdown
}
