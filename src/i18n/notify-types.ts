/** Notification emails, the confirm and unsubscribe pages, and the admin's mailbox and failed deliveries. */
export interface NotifyStrings {
  email: {
    replySubject: (name: string, postTitle: string) => string
    postSubject: (name: string, postTitle: string) => string
    authorSubject: (name: string, postTitle: string, held: boolean) => string
    confirmSubject: (siteTitle: string) => string
    replyIntro: (name: string, postTitle: string) => string
    postIntro: (name: string, postTitle: string) => string
    authorIntro: (name: string, postTitle: string) => string
    /** Label of the link to the comment. */
    readIt: string
    /** Said to the author when the comment waits for approval. */
    held: string
    moderate: string
    whyReply: string
    whyPost: string
    whyAuthor: string
    stopThis: string
    stopAll: (siteTitle: string) => string
    /** Readers' tools (issue 13): the link to the page that lists what the address follows. */
    manage: string
    confirmIntro: (siteTitle: string) => string
    confirmAction: string
    confirmExpiry: (days: number) => string
    confirmIgnore: string
    /** To an address already confirmed for something else: one more post to follow? */
    alsoSubject: (postTitle: string) => string
    alsoIntro: (postTitle: string, siteTitle: string) => string
    alsoAction: string
    alsoIgnore: string
  }
  pages: {
    confirm: {
      title: string
      intro: string
      button: string
      done: string
      doneMessage: string
      /** Another subscription of the same address that waits: replies on a post, or the whole post. */
      pendingReplies: (postTitle: string) => string
      pendingPost: (postTitle: string) => string
      pendingButton: string
    }
    unsubscribe: {
      title: string
      replies: (postTitle: string) => string
      post: (postTitle: string) => string
      all: (siteTitle: string) => string
      button: string
      buttonAll: string
      done: string
      doneMessage: string
      doneAll: string
      doneAllMessage: (siteTitle: string) => string
    }
    invalid: { title: string; message: string }
    expired: { title: string; message: string }
    unavailable: { title: string; message: string }
    back: string
    /** Readers' tools (issue 13): what an address follows, a button per item, and "stop everything". */
    manage: {
      title: string
      intro: (siteTitle: string) => string
      empty: string
      replies: (postTitle: string) => string
      post: (postTitle: string) => string
      /** After an item that its address has not confirmed yet: nothing is sent for it. */
      waiting: string
      stop: string
      /** The button's accessible name: what it stops. */
      stopLabel: (item: string) => string
      stopAll: string
      stopped: (item: string) => string
      stoppedAll: (siteTitle: string) => string
      /** A POST that names nothing this address follows. */
      choose: string
    }
  }
  mailbox: {
    title: string
    intro: string
    empty: string
    to: string
    from: string
    headers: string
    html: string
    oneClick: string
  }
  failed: {
    title: string
    intro: string
    empty: string
    attempts: (n: number) => string
    retry: string
    retried: string
    kind: Record<'confirm' | 'reply' | 'post' | 'author' | 'webhook', string>
  }
}
