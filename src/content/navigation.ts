import { pagePath } from '../urls/site-pages'
import type { MenuLink, PageMeta } from './types'

/**
 * The header navigation as the publish tool stores it in the index (`site.menu`): the pages that
 * have a `menu` number and are not drafts, by that number (ties by title), then the author's
 * own `links` from `site.yaml`, in their order. Pure; resolved at publish, so that every page
 * reads it from the site config it already has, and a change to it changes the config (whose
 * change purges every page).
 */
export function buildNavigation(pages: Pick<PageMeta, 'slug' | 'title' | 'menu' | 'draft'>[], links: MenuLink[]): MenuLink[] {
  const inMenu = pages
    .filter((page) => page.menu !== undefined && !page.draft)
    .sort((a, b) => a.menu! - b.menu! || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0))
  return [...inMenu.map((page) => ({ title: page.title, url: pagePath(page.slug) })), ...links]
}
