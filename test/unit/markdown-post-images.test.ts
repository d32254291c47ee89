import { describe, expect, it } from 'vitest'
import { renderPost } from '../../src/markdown/post'

const media = {
  '/media/diagram.svg': { width: 640, height: 220 },
  '/media/été/port.jpg': { width: 1600, height: 900 },
}

/** Every `<img …>` tag of the HTML, in order. */
const images = (html: string) => html.match(/<img\b[^>]*>/g) ?? []

describe('renderPost image sizes', () => {
  it('gives a markdown image of a known media file its width and height', () => {
    expect(renderPost('![A diagram](/media/diagram.svg)', { media })).toBe(
      '<p><img src="/media/diagram.svg" alt="A diagram" width="640" height="220" decoding="async"></p>\n',
    )
  })

  it('finds the size of a path written percent-encoded, or with a query or fragment', () => {
    const html = renderPost('![a](/media/%C3%A9t%C3%A9/port.jpg) ![b](/media/diagram.svg?v=2#top)', { media })
    expect(images(html).map((tag) => /width="(\d+)" height="(\d+)"/.exec(tag)?.slice(1).join('x'))).toEqual([
      '1600x900',
      '640x220',
    ])
  })

  it('leaves images it knows no size of without one', () => {
    const html = renderPost('![x](/media/unknown.png) ![y](https://elsewhere.example/diagram.svg) ![z](/diagram.svg)', { media })
    expect(images(html).filter((tag) => tag.includes('width='))).toEqual([])
  })

  it('adds no size when rendering without the index’s media', () => {
    expect(renderPost('![A diagram](/media/diagram.svg)')).not.toContain('width=')
  })

  it('sizes the author’s own <img> of a known file unless it states a width or height', () => {
    const html = renderPost(
      [
        '<img src="/media/diagram.svg" alt="">',
        '<figure><img alt="Port" src=\'/media/été/port.jpg\' /></figure>',
        '<img src="/media/diagram.svg" width="320" alt="">',
        '<img src="/media/diagram.svg" HEIGHT=100 alt="">',
      ].join('\n\n'),
      { media },
    )
    expect(images(html)).toEqual([
      '<img src="/media/diagram.svg" alt="" width="640" height="220">',
      '<img alt="Port" src=\'/media/été/port.jpg\' width="1600" height="900" />',
      '<img src="/media/diagram.svg" width="320" alt="">',
      '<img src="/media/diagram.svg" HEIGHT=100 alt="">',
    ])
  })

  it('does not touch an <img> inside an HTML comment or a code block', () => {
    const markdown = '<!-- <img src="/media/diagram.svg"> -->\n\n```html\n<img src="/media/diagram.svg">\n```'
    expect(renderPost(markdown, { media })).not.toContain('width=')
  })
})

describe('renderPost image loading', () => {
  it('loads the first image at once and every later one lazily', () => {
    const html = renderPost('# Title\n\nText ![one](/media/diagram.svg).\n\n![two](/media/a.png)\n\n- ![three](/media/b.png)', { media })
    expect(images(html).map((tag) => tag.includes('loading="lazy"'))).toEqual([false, true, true])
    expect(images(html).every((tag) => tag.includes('decoding="async"'))).toBe(true)
  })

  it('counts the author’s own <img> as the first image, leaving its attributes to the author', () => {
    const html = renderPost('<img src="/media/hero.png" alt="">\n\n![later](/media/diagram.svg)', { media })
    expect(images(html)).toEqual([
      '<img src="/media/hero.png" alt="">',
      '<img src="/media/diagram.svg" alt="later" width="640" height="220" loading="lazy" decoding="async">',
    ])
  })

  it('starts counting again in every document', () => {
    renderPost('![a](/media/a.png) ![b](/media/b.png)')
    expect(renderPost('![c](/media/c.png)')).not.toContain('loading="lazy"')
  })
})
