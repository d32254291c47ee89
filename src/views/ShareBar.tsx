import type { UiStrings } from '../i18n'

/** Share links for a page: plain URLs of each network's own share form; no script, no image. */
export function shareLinks(title: string, url: string): { network: string; href: string }[] {
  const text = encodeURIComponent(`${title} ${url}`)
  return [
    // Share₂Fedi asks the reader for their own Mastodon (or other fediverse) instance.
    { network: 'Mastodon', href: `https://s2f.kytta.dev/?text=${text}` },
    { network: 'Bluesky', href: `https://bsky.app/intent/compose?text=${text}` },
    { network: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(url)}` },
  ]
}

/** The share bar under a post. */
export function ShareBar({ title, url, ui }: { title: string; url: string; ui: UiStrings }) {
  // RFC 6068: mailto header values are percent-encoded (a space is %20, never +).
  const email = `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(url)}`
  return (
    <aside class="share" aria-labelledby="share-title">
      <h2 id="share-title">{ui.post.share}</h2>
      <ul>
        {shareLinks(title, url).map(({ network, href }) => (
          <li>
            <a href={href} rel="noopener" aria-label={ui.post.shareOn(network)}>
              {network}
            </a>
          </li>
        ))}
        <li>
          <a href={email}>{ui.post.shareByEmail}</a>
        </li>
      </ul>
    </aside>
  )
}
