import { TicketEntity } from '@ticket/schema'
import type { Caller } from '../auth/caller.ts'
import { type ClockedTicket, clocksOnSave } from '../clocks/on-save.ts'
import type { RulesOf } from '../clocks/priority-rules.ts'
import { ticketsProjection } from '../db/projection.gen.ts'
import { escalationOnSave } from '../escalation/on-save.ts'
import type { FieldError } from '../http/api-error.ts'
import { readStatusOnSave } from '../read-status/on-save.ts'
import type { CarrierProperty } from './reference-reader.ts'

// The steps a save and the bulk import share, so that an imported ticket is stored as a create
// would have stored it.

const carriers = Object.keys(ticketsProjection.references) as CarrierProperty[]

/**
 * The carriers a body may set, in the projection's order, but OwnedBy: it is resolved last,
 * because automatic assignment needs the category and person. Read-only carriers (CreatedBy)
 * are the server's.
 */
export const carriersBeforeOwner: CarrierProperty[] = carriers.filter(
  (property) => property !== 'OwnedBy' && TicketEntity.properties[property].readOnly !== true
)

// The id, the carriers and the linked lists are resolved on their own, never copied as sent.
const notCopied = new Set<string>([
  ...ticketsProjection.primaryKey,
  ...carriers,
  ...Object.keys(ticketsProjection.links),
])

/** Copies what the body sets onto the ticket being saved, except what is resolved on its own. */
export function copySentProperties(
  input: Partial<TicketEntity>,
  next: Record<string, unknown>
): void {
  // Names and values together: reading each value by name at one site would see every name,
  // which V8 handles slowly.
  for (const [property, value] of Object.entries(input)) {
    if (!notCopied.has(property)) {
      next[property] = value
    }
  }
}

/**
 * A new ticket needs a title (its FieldProperties mark Title UIHintMandatory): a body whose only
 * property was misspelt must not create an untitled ticket.
 */
export function requireTitle(next: Record<string, unknown>, errors: FieldError[]): void {
  if (!(typeof next.Title === 'string' && next.Title.trim() !== '')) {
    errors.push({ path: '/Title', message: 'A new ticket needs a Title.', code: 'required' })
  }
}

export interface ValidSave {
  /** The ticket being saved (entity properties plus the storage-only ones). */
  next: Record<string, unknown>
  /** The body, as sent: whether it named a Deadline decides the escalation's. */
  input: Partial<TicketEntity>
  /** The stored version and when it entered its status; undefined for a new ticket. */
  previous: ClockedTicket | undefined
  caller: Pick<Caller, 'associateId' | 'fullName'>
  timestamp: string
  /** The priorities' office hours and escalation steps. */
  rulesOf: RulesOf
}

/**
 * What a valid save sets on the ticket: a new one its creation time and, unless the body named
 * one, its author; every one the time of the change, who has read it, its status clocks and its
 * deadline and escalation time.
 */
export async function stampSave({
  next,
  input,
  previous,
  caller,
  timestamp,
  rulesOf,
}: ValidSave): Promise<void> {
  if (!previous) {
    next.CreatedAt = timestamp
    next.Author = next.Author || caller.fullName
  }
  next.LastChanged = timestamp
  readStatusOnSave(previous?.entity ?? null, next, caller.associateId, timestamp)
  await clocksOnSave(rulesOf, previous, next, timestamp)
  await escalationOnSave(rulesOf, !previous, input, next, timestamp)
}
