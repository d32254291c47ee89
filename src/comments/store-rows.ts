import type { CommentRow, CommentStatus, HeldReason, NotifyWish } from './types'

/** The comments table's columns and its one row mapper, shared by the store's modules (src/comments/store*.ts). */

export const COLUMNS = `id, post_slug, parent_id, author_name, author_email, body, body_html, render_version,
  status, created_at, updated_at, ip_hmac, is_author, notify, submit_key, held_reason, avatar_key`

export interface CommentRecord {
  id: number
  post_slug: string
  parent_id: number | null
  author_name: string
  author_email: string | null
  body: string
  body_html: string
  render_version: number
  status: CommentStatus
  created_at: number
  updated_at: number
  ip_hmac: string | null
  is_author: number
  notify: NotifyWish | null
  submit_key: string
  held_reason: HeldReason | null
  avatar_key: string | null
}

export function toComment(r: CommentRecord): CommentRow {
  return {
    id: r.id,
    postSlug: r.post_slug,
    parentId: r.parent_id,
    authorName: r.author_name,
    authorEmail: r.author_email,
    body: r.body,
    bodyHtml: r.body_html,
    renderVersion: r.render_version,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    ipHmac: r.ip_hmac,
    isAuthor: r.is_author === 1,
    notify: r.notify,
    submitKey: r.submit_key,
    heldReason: r.held_reason,
    avatarKey: r.avatar_key,
  }
}
