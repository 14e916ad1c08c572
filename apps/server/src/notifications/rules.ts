import type { NotificationEvent } from '@ticket/schema'
import type { TicketChange } from '../tickets/ticket-change.ts'

/** The category facts the rules need, loaded inside the save transaction. */
export interface CategoryFacts {
  name: string
  notifyMembers: boolean
  memberIds: readonly number[]
  /** The category's `NotificationEmail` addresses, trimmed, without empties. */
  notificationEmails: string[]
}

export type Recipient =
  | { kind: 'associate'; associateId: number; event: NotificationEvent }
  | { kind: 'address'; address: string; event: 'NotificationEmail' }

/** Most specific first: when several rules name one recipient, the earliest event wins. */
export const eventPrecedence: readonly NotificationEvent[] = [
  'NewTicket',
  'TicketTakenOver',
  'TicketEscalated',
  'TicketActivated',
  'NewMessage',
  'CategoryNewTicket',
  'NotificationEmail',
]

// 0 is unassigned; MaxInt asks for automatic assignment, which the save resolves before this.
const AUTO_ASSIGN = 2147483647

function ownerOf(ticket: TicketChange['after'] | null): number | undefined {
  const id = ticket?.OwnedBy?.AssociateId
  return id && id > 0 && id !== AUTO_ASSIGN ? id : undefined
}

function isDormant(status: string | undefined): boolean {
  return status === 'Closed' || (status?.startsWith('Postponed') ?? false)
}

/**
 * Who hears about one change (see docs/decisions.md), before preferences: at most one entry per
 * associate or address, never the actor. Pure, so the rules table is tested without a database.
 * @example planRecipients(change, null) // [{ kind: 'associate', associateId: 7, event: 'NewTicket' }]
 */
export function planRecipients(change: TicketChange, category: CategoryFacts | null): Recipient[] {
  if (change.kind === 'deleted' || !(change.notify || change.notifyNewTicket)) {
    return []
  }
  const isNew = change.kind === 'created' || change.notifyNewTicket === true
  const before = ownerOf(change.before)
  const after = ownerOf(change.after)
  const named: Recipient[] = []
  const associate = (associateId: number | undefined, event: NotificationEvent) => {
    if (associateId !== undefined) {
      named.push({ kind: 'associate', associateId, event })
    }
  }

  if (after !== undefined && (isNew || before !== after)) {
    associate(after, 'NewTicket')
  }
  if (before !== undefined && after !== undefined && before !== after) {
    associate(before, 'TicketTakenOver')
  }
  if (
    change.before &&
    isDormant(change.before.BaseStatus) &&
    change.after.BaseStatus === 'Active'
  ) {
    associate(after, 'TicketActivated')
  }
  if (change.message && change.message.before === null) {
    associate(after, 'NewMessage')
  }
  if (change.escalatedTo !== undefined) {
    associate(after, 'TicketEscalated')
  }
  if (isNew && category?.notifyMembers) {
    for (const member of category.memberIds) {
      associate(member, 'CategoryNewTicket')
    }
  }
  if (isNew && after === undefined && category) {
    for (const address of category.notificationEmails) {
      named.push({ kind: 'address', address, event: 'NotificationEmail' })
    }
  }
  return keepMostSpecific(
    named.filter((r) => r.kind !== 'associate' || r.associateId !== change.actorId)
  )
}

function keyOf(recipient: Recipient): string {
  return recipient.kind === 'associate'
    ? `a:${recipient.associateId}`
    : `e:${recipient.address.toLowerCase()}`
}

function keepMostSpecific(named: Recipient[]): Recipient[] {
  const best = new Map<string, Recipient>()
  for (const recipient of named) {
    const key = keyOf(recipient)
    const current = best.get(key)
    if (!current || rank(recipient) < rank(current)) {
      best.set(key, recipient)
    }
  }
  return [...best.values()]
}

const rank = (recipient: Recipient) => eventPrecedence.indexOf(recipient.event)

/**
 * Drops `NotificationEmail` addresses that belong to an associate already named or to the actor:
 * the same person must not hear twice, and never about their own change.
 */
export function dropKnownAddresses(recipients: Recipient[], knownEmails: Set<string>): Recipient[] {
  return recipients.filter((r) => r.kind !== 'address' || !knownEmails.has(r.address.toLowerCase()))
}

/** Splits a `NotificationEmail` value ("a@x, b@y") into addresses. */
export function splitAddresses(value: string): string[] {
  return value
    .split(/[,;]/)
    .map((a) => a.trim())
    .filter((a) => a.length > 0)
}
