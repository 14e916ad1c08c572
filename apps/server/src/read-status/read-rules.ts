import type { ReadStatus } from '@ticket/schema'

/** The read fields of a ticket, as stored (ISO 8601 UTC or null). */
export interface ReadFields {
  readStatus: ReadStatus
  readByOwner: string | null
  firstReadByOwner: string | null
  firstReadByUser: string | null
  readByCustomer: string | null
}

/**
 * An associate read the ticket at `at`. Any associate counts for `FirstReadByUser`; the owner's
 * read also sets `ReadByOwner`, `FirstReadByOwner` (once per owner) and turns it Green.
 * @example readBy(fields, true, '2026-03-02T09:00:00.000Z').readStatus // 'Green'
 */
export function readBy(fields: ReadFields, isOwner: boolean, at: string): ReadFields {
  const read = { ...fields, firstReadByUser: fields.firstReadByUser ?? at }
  if (!isOwner) {
    return read
  }
  return {
    ...read,
    readStatus: 'Green',
    readByOwner: at,
    firstReadByOwner: fields.firstReadByOwner ?? at,
  }
}

/**
 * Something new arrived that the owner has not seen (a message from someone else): a read
 * ticket turns Yellow; an unread one stays Red.
 */
export function newInformation(fields: ReadFields): ReadFields {
  return fields.readStatus === 'Green' ? { ...fields, readStatus: 'Yellow' } : fields
}

/**
 * The ticket has a new owner, who has not read it: Red, and `FirstReadByOwner` (which belongs to
 * the current owner) starts over. An owner who takes the ticket themselves has read it.
 */
export function newOwner(fields: ReadFields, ownerIsActor: boolean, at: string): ReadFields {
  const reset: ReadFields = {
    ...fields,
    readStatus: 'Red',
    readByOwner: null,
    firstReadByOwner: null,
  }
  return ownerIsActor ? readBy(reset, true, at) : reset
}

/**
 * `SetTicketReadByOwner`: Green records the owner's read now; Red or Yellow marks it unread
 * again (the read times stay); Unknown does nothing.
 */
export function setByOwner(fields: ReadFields, status: ReadStatus, at: string): ReadFields {
  if (status === 'Unknown') {
    return fields
  }
  return status === 'Green' ? readBy(fields, true, at) : { ...fields, readStatus: status }
}

/** A customer wrote to the ticket at `at`: they have read it. */
export const readByCustomer = (fields: ReadFields, at: string): ReadFields => ({
  ...fields,
  readByCustomer: at,
})
