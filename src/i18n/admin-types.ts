import type { HeldReason } from '../comments/types'
import type { PluralMessage } from './types'

/** The admin pages' text (`/admin`): the author's own tool, in the site's language. */
export interface AdminStrings {
  title: string
  signIn: {
    title: string
    intro: string
    token: string
    submit: string
    wrongToken: string
  }
  signOut: string
  queue: {
    title: string
    empty: string
    selected: string
    approveSelected: string
    spamSelected: string
    deleteSelected: string
  }
  recent: { title: string; empty: string }
  comment: {
    select: (id: number, author: string) => string
    onPost: string
    inReplyTo: (id: number) => string
    noEmail: string
    authorBadge: string
    status: { pending: string; approved: string; spam: string; deleted: string }
    actions: (id: number) => string
    /** The same actions' name in the recent list, distinct from the queue's (a comment can be in both). */
    recentActions: (id: number) => string
    approve: string
    spam: string
    delete: string
    view: string
    /** Why a held comment waits, beside it in the queue. */
    heldReason: Record<HeldReason, string>
  }
  reply: {
    label: (author: string) => string
    submit: string
    submitAndApprove: string
    closedParent: string
    postGone: string
  }
  /** The confirmation after an action (`?done=…&n=…`). */
  done: {
    approved: PluralMessage
    spam: PluralMessage
    deleted: PluralMessage
    replied: string
    nothing: string
  }
  /** A form sent without any comment ticked, or for a comment that is gone. */
  missing: string
  /** The links between the admin pages. */
  nav: { label: string; queue: string; recent: string; failed: string; mailbox: string; drafts: string; bans: string; commenters: string }
  // Bans (issue 13, "moderation"): /admin/bans and the Ban button of each comment.
  bans: {
    title: string
    intro: string
    empty: string
    /** The Ban button beside a comment. */
    ban: string
    byEmail: string
    byIp: string
    fromComment: (id: number) => string
    since: (date: string) => string
    moved: PluralMessage
    lift: string
    liftLabel: (id: number) => string
    emailLabel: string
    emailSubmit: string
    badEmail: string
    nothingToBan: string
    done: { banned: PluralMessage; existing: PluralMessage; lifted: PluralMessage; none: string }
  }
  /** The step before a destructive or bulk action, a page of its own (it works without JavaScript). */
  confirm: {
    title: { approve: PluralMessage; spam: PluralMessage; delete: PluralMessage }
    explain: { approve: string; spam: string; delete: string }
    submit: { approve: string; spam: string; delete: string }
    cancel: string
  }
  /** /admin/drafts: what readers cannot see yet. */
  drafts: {
    title: string
    intro: string
    empty: string
    draft: string
    scheduled: (date: string) => string
    preview: string
    previewsOff: string
    /** The second list: pages (`content/pages/`) with `draft: true`. */
    pages: string
    pagesEmpty: string
  }
  // A commenter's data on request (issue 12): /admin/commenters.
  commenters: {
    title: string
    intro: string
    email: string
    find: string
    badEmail: string
    none: (email: string) => string
    found: (email: string, comments: number, subscriptions: number, emails: number) => string
    export: string
    eraseTitle: string
    eraseExplain: string
    keepText: string
    dropText: string
    erase: string
    erased: (comments: number) => string
  }
}
