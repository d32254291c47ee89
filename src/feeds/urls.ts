import { postPath, tagPath } from '../views/urls'

/** Absolute URLs of the site's pages: `baseUrl` (no trailing slash) and the paths pages link to. */

export function homeUrl(baseUrl: string): string {
  return `${baseUrl}/`
}

export function postUrl(baseUrl: string, slug: string): string {
  return baseUrl + postPath(slug)
}

/** The tag's page, `/tags/<tagSlug(tag)>`. */
export function tagUrl(baseUrl: string, tag: string): string {
  return baseUrl + tagPath(tag)
}
