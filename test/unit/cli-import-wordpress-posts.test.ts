import { describe, expect, it } from 'vitest'
import { legacyPathKey } from '../../src/redirects/legacy-path'
import { commentsFeedPath } from '../../src/urls/comment-paths'
import { postPath, tagPath } from '../../src/urls/paths'
import { planFixture } from '../fixtures/wordpress/plan'

const file = (path: string, plan = planFixture()) => {
  const found = plan.files.find((f) => f.path === path)
  if (!found) throw new Error(`no ${path} in ${plan.files.map((f) => f.path).join(', ')}`)
  return found.text
}
const frontMatter = (text: string) => text.slice(4, text.indexOf('\n---\n'))

describe('posts and pages of a real WordPress export', () => {
  it('writes one file per published post, draft, pending post and page; private and trashed ones skipped', () => {
    const plan = planFixture()
    expect(plan.files.map((f) => f.path).sort()).toEqual([
      'pages/a-propos.md', 'pages/contact.md', 'pages/privacy-policy.md', 'pages/sample-page.md',
      'posts/brouillon-du-printemps.md', 'posts/café-crème.md', 'posts/en-relecture.md', 'posts/hello-world.md',
      'posts/le-tour-du-lac.md', 'posts/nuit-de-decembre.md', 'posts/湖の朝.md',
    ])
    expect(plan.skipped).toMatchObject({ private: 1, trashed: 1 })
    expect(plan.warnings).toContain('"Journal intime" (post 14) is private: not imported')
    expect(plan.errors).toEqual([])
  })

  it('maps the front matter: title, local date, tags with accents, no Uncategorized, excerpt, language', () => {
    expect(frontMatter(file('posts/le-tour-du-lac.md'))).toBe(
      'title: Le tour du lac\ndate: 2016-03-14 08:30\ntags: [Carnets de route, Été, lac, Randonnée, Sentiers battus]\n' +
        'summary: "Trois heures autour du lac, et ce que les lecteurs en ont dit."\nlang: fr-FR',
    )
    expect(frontMatter(file('posts/nuit-de-decembre.md'))).toBe('title: Nuit de décembre\ndate: 2018-12-31 23:45\nlang: fr-FR')
    expect(file('posts/brouillon-du-printemps.md')).toContain('\ndraft: true\n')
    expect(file('posts/en-relecture.md')).toContain('\ndraft: true\n')
    expect(file('pages/a-propos.md')).toMatch(/^---\ntitle: À propos\nlang: fr-FR\nmenu: 1\n---/)
    // The site writes in French: the posts need no lang of their own.
    expect(file('posts/le-tour-du-lac.md', planFixture({ site: 'language: fr\ntimeZone: Europe/Paris' }))).not.toContain('lang:')
  })

  it('keeps the instant when the site is in another time zone: local time with WordPress offset', () => {
    const utc = planFixture({ site: 'language: en\ntimeZone: UTC' })
    expect(file('posts/le-tour-du-lac.md', utc)).toContain('date: 2016-03-14T08:30:00+01:00')
    expect(file('posts/café-crème.md', utc)).toContain('date: 2019-07-02T23:30:00+02:00')
  })

  it('decodes percent-encoded slugs and makes one for a pending post from its title', () => {
    const plan = planFixture()
    expect(plan.files.map((f) => f.slug)).toEqual(expect.arrayContaining(['café-crème', '湖の朝', 'en-relecture']))
  })

  it('converts classic-editor bodies (wpautop) and shortcodes, and keeps an unknown one visibly', () => {
    const text = file('posts/le-tour-du-lac.md')
    expect(text).toContain('Le matin, le lac était gris.\\\nPuis le soleil est venu.\n\n')
    expect(text).toContain('![Le lac au matin](/media/2016/03/lac-au-matin.png)\n\n_Le lac, vu du *ponton*_')
    expect(text).toContain('![Le pont](/media/2016/03/pont.png)')
    expect(text).toContain('[https://www.youtube.com/watch?v=dQw4w9WgXcQ](https://www.youtube.com/watch?v=dQw4w9WgXcQ)')
    expect(text).toContain('[https://vimeo.com/76979871](https://vimeo.com/76979871)')
    expect(text).toContain('\\[contact-form-7 id="12" title="Inscription"\\]')
    expect(text).toContain('```bash\nls -la ~/photos\necho "fini"\n```')
    expect(text).toContain('| Étape | Durée |\n| --- | --- |\n| Le pont | 1 h |')
    expect(planFixture().unknownShortcodes).toEqual(new Map([['contact-form-7', ['le-tour-du-lac']]]))
  })

  it('converts block-editor bodies: figures, code with its language, tables, embeds, galleries', () => {
    const text = file('posts/café-crème.md')
    expect(text).not.toContain('wp:')
    expect(text).toContain('![La tasse](/media/2019/07/tasse.png)\n\n*La tasse du refuge*')
    expect(text).toContain("```typescript\nconst tasse: string = 'pleine'\nif (tasse < 1) boire()\n```")
    expect(text).toContain('| Ingrédient | Dose |')
    expect(text).toContain('[https://twitter.com/camille/status/1146000000000000000](https://twitter.com/camille/status/1146000000000000000)')
    expect(text).toContain('[https://youtu.be/dQw4w9WgXcQ](https://youtu.be/dQw4w9WgXcQ)\n\n*Au sommet*')
    expect(text).toContain('![Le lac au matin](/media/2016/03/lac-au-matin.png)\n\n*Le lac*')
  })

  it('copies the uploads it finds and lists the rest with their original URL', () => {
    const plan = planFixture()
    expect(plan.media.map((m) => m.to).sort()).toEqual(['2016/03/lac-au-matin.png', '2016/03/pont.png', '2019/07/tasse.png'])
    expect(plan.missingMedia).toEqual(['https://ancien-blog.example/wp-content/uploads/2019/07/perdue.jpg'])
    expect(file('posts/café-crème.md')).toContain('![perdue](https://ancien-blog.example/wp-content/uploads/2019/07/perdue.jpg)')
    const none = planFixture({ uploads: false })
    expect(none.media).toEqual([])
    expect(file('posts/le-tour-du-lac.md', none)).toContain('![Le lac au matin](https://ancien-blog.example/wp-content/uploads/2016/03/lac-au-matin.png)')
  })

  it('redirects every old address of a public item to its new one, built by the site\'s path builders', () => {
    const redirects = new Map(planFixture().redirects.map((r) => [r.from, r.to]))
    const expectRedirect = (from: string, to: string) => expect(redirects.get(legacyPathKey(...(from.split(/(?=\?)/) as [string, string?]))!)).toBe(to)
    expectRedirect('/2016/03/14/le-tour-du-lac/', postPath('le-tour-du-lac'))
    expectRedirect('/?p=4', postPath('le-tour-du-lac'))
    expectRedirect('/2016/03/14/le-tour-du-lac/feed/', commentsFeedPath({ path: postPath('le-tour-du-lac') }))
    expectRedirect('/2019/07/02/caf%c3%a9-cr%c3%a8me/', postPath('café-crème'))
    expectRedirect('/category/randonnee/', tagPath('Randonnée'))
    expectRedirect('/tag/%c3%a9t%c3%a9/', tagPath('Été'))
    expectRedirect('/?page_id=12', '/a-propos')
    expectRedirect('/a-propos/contact/', '/contact')
    expectRedirect('/2016/03/14/le-tour-du-lac/le-pont/', postPath('le-tour-du-lac'))
    expect(redirects.has('/?p=15')).toBe(false)
    expect(redirects.has('/category/uncategorized')).toBe(false)
  })
})
