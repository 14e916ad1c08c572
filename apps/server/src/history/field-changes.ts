import type { TicketFieldChange } from '@ticket/schema'

// Derived on every read or bookkeeping only: not changes anyone made.
const ignored = new Set([
  'LastChanged',
  'TableRight',
  'FieldProperties',
  'IconHint',
  'Messages',
  'EjMessageId',
  'Ticket',
])

/** Ids of carriers by their key property (`AssociateId`, `TicketStatusId`, …). */
const idKeys = [
  'AssociateId',
  'TicketCategoryId',
  'TicketPriorityId',
  'TicketStatusId',
  'TicketTypeId',
  'PersonId',
  'SaleId',
  'ProjectId',
  'Id',
  'AttachmentId',
  'FormSubmissionId',
]

/** A value as the history shows it: scalars as text, a carrier by its id, a list by its ids. */
export function historyText(value: unknown): string | null {
  if (value === null || value === undefined) {
    return null
  }
  if (Array.isArray(value)) {
    return value.map((item) => historyText(item) ?? '').join(',')
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>
    const key = idKeys.find((k) => typeof record[k] === 'number')
    return key ? String(record[key]) : JSON.stringify(value)
  }
  return String(value)
}

/**
 * The fields that differ between two versions of an entity, `prefix`ed (`TicketMessage.Body`);
 * a new entity (`before` null) lists every field that has a value.
 * @example fieldChanges({ Title: 'a' }, { Title: 'b' }) // [{ Field: 'Title', From: 'a', To: 'b' }]
 */
export function fieldChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  prefix = ''
): TicketFieldChange[] {
  const changes: TicketFieldChange[] = []
  // A new entity has only its own names; a change also those the old version had.
  const names = before
    ? new Set([...Object.keys(before), ...Object.keys(after)])
    : Object.keys(after)
  for (const name of names) {
    if (ignored.has(name)) {
      continue
    }
    const from = before ? historyText(before[name]) : null
    const to = historyText(after[name])
    if (
      from !== to &&
      !(before === null && (to === null || to === '' || to === '0' || to === 'false'))
    ) {
      changes.push({ Field: `${prefix}${name}`, From: from, To: to })
    }
  }
  return changes
}
