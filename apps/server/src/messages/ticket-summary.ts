/** What the ticket's message counters need of one stored message. */
export interface MessageFacts {
  createdAt: string | null
  slevel: string
  personId: number | null
  numAttachments: number
  timeSpent: number
}

export interface MessageSummary {
  numMessages: number
  numReplies: number
  hasAttachment: boolean
  repliedAt: string | null
  timeSpent: number
}

/**
 * A reply is an external message written by an associate (no customer person): what the
 * customer sees from the service. `RepliedAt` is the first one.
 */
export const isReply = (message: MessageFacts) =>
  message.slevel === 'External' && message.personId === null

/**
 * The ticket's counters from its messages, oldest first.
 * @example summarize([{ createdAt: 't1', slevel: 'External', personId: null, numAttachments: 1, timeSpent: 5 }])
 * // { numMessages: 1, numReplies: 1, hasAttachment: true, repliedAt: 't1', timeSpent: 5 }
 */
export function summarize(messages: readonly MessageFacts[]): MessageSummary {
  const replies = messages.filter(isReply)
  return {
    numMessages: messages.length,
    numReplies: replies.length,
    hasAttachment: messages.some((m) => m.numAttachments > 0),
    repliedAt: replies[0]?.createdAt ?? null,
    timeSpent: messages.reduce((sum, m) => sum + m.timeSpent, 0),
  }
}

/**
 * The counters after `added` joins the messages whose counters are `before`: what `summarize`
 * gives with `added` last (a new message is always the newest). A new message then costs no
 * read of the others.
 * @example withAdded({ numMessages: 0, numReplies: 0, hasAttachment: false, repliedAt: null, timeSpent: 0 }, { createdAt: 't1', slevel: 'External', personId: null, numAttachments: 0, timeSpent: 5 })
 * // { numMessages: 1, numReplies: 1, hasAttachment: false, repliedAt: 't1', timeSpent: 5 }
 */
export function withAdded(before: MessageSummary, added: MessageFacts): MessageSummary {
  const reply = isReply(added)
  return {
    numMessages: before.numMessages + 1,
    numReplies: before.numReplies + (reply ? 1 : 0),
    hasAttachment: before.hasAttachment || added.numAttachments > 0,
    repliedAt: before.numReplies > 0 ? before.repliedAt : reply ? added.createdAt : null,
    timeSpent: before.timeSpent + added.timeSpent,
  }
}
