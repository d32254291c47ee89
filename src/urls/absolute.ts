import type { SiteConfig } from '../content/types'
import { HOME_PATH, postPath, tagPath } from './paths'

// Links inside pages are root-relative; canonical, OpenGraph, feed, sitemap and email URLs are absolute.

/** `path` (root-relative) or a post's `image` (root-relative or absolute) as an absolute URL. */
export function absoluteUrl(site: SiteConfig, path: string): string {
  if (/^https?:\/\//i.test(path)) return path
  return `${site.baseUrl}${path.startsWith('/') ? '' : '/'}${path}`
}

/** Absolute URLs from `baseUrl` (no trailing slash). */
export function homeUrl(baseUrl: string): string {
  return baseUrl + HOME_PATH
}

export function postUrl(baseUrl: string, slug: string): string {
  return baseUrl + postPath(slug)
}

/** The tag's page, `/tags/<tagSlug(tag)>`. */
export function tagUrl(baseUrl: string, tag: string): string {
  return baseUrl + tagPath(tag)
}
