import type { TicketEntity } from '@ticket/schema'
import type { Caller } from '../auth/caller.ts'
import type { FieldError } from '../http/api-error.ts'
import { readStatusOnSave } from '../read-status/on-save.ts'
import type { CarrierProperty } from './reference-reader.ts'

// The steps a save and the bulk import share, so that an imported ticket is stored as a create
// would have stored it.

// Resolved in this order: OwnedBy last, because automatic assignment needs the category and person.
export const carriersBeforeOwner: CarrierProperty[] = [
  'Category',
  'Priority',
  'Status',
  'Person',
  'Sale',
  'Project',
  'TicketType',
]

// Linked arrays and server-maintained values never come from plain property copying.
const notCopied = new Set<string>([
  'TicketId',
  'Tags',
  'SecondaryPersons',
  'OwnedBy',
  ...carriersBeforeOwner,
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

/**
 * What a valid save stamps on the ticket: a new one (`before` null) its creation time and, unless
 * the body named one, its author; every one the time of the change and who has read it.
 */
export function stampSave(
  next: Record<string, unknown>,
  before: TicketEntity | null,
  caller: Pick<Caller, 'associateId' | 'fullName'>,
  timestamp: string
): void {
  if (!before) {
    next.CreatedAt = timestamp
    next.Author = next.Author || caller.fullName
  }
  next.LastChanged = timestamp
  readStatusOnSave(before, next, caller.associateId, timestamp)
}
