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

/**
 * Ids of carriers by their key property (`AssociateId`, `TicketStatusId`, …), tried in this order
 * for an object no projection names a key for (a message's attachments, a form submission).
 */
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

/**
 * The key property of the carriers each field holds (`Person` → `PersonId`), from the entity's
 * projection (`carrierKeysOf`): a carrier also carries other ids (a person its associate's
 * `AssociateId`), so a field's own key must win over the first id found.
 */
export type CarrierKeys = Readonly<Record<string, string>>

/**
 * A value as the history shows it: scalars as text, a carrier by its id (its `key` when given),
 * a list by its ids.
 */
export function historyText(value: unknown, key?: string): string | null {
  if (value === null || value === undefined) {
    return null
  }
  if (Array.isArray(value)) {
    return value.map((item) => historyText(item, key) ?? '').join(',')
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>
    const id =
      key !== undefined && typeof record[key] === 'number'
        ? key
        : idKeys.find((k) => typeof record[k] === 'number')
    return id ? String(record[id]) : JSON.stringify(value)
  }
  return String(value)
}

/**
 * The fields that differ between two versions of an entity, `prefix`ed (`TicketMessage.Body`);
 * a new entity (`before` null) lists every field that has a value. `keys` names the key of
 * the carriers in each field.
 * @example fieldChanges({ Title: 'a' }, { Title: 'b' }) // [{ Field: 'Title', From: 'a', To: 'b' }]
 */
export function fieldChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  prefix = '',
  keys: CarrierKeys = {}
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
    const from = before ? historyText(before[name], keys[name]) : null
    const to = historyText(after[name], keys[name])
    if (
      from !== to &&
      !(before === null && (to === null || to === '' || to === '0' || to === 'false'))
    ) {
      changes.push({ Field: `${prefix}${name}`, From: from, To: to })
    }
  }
  return changes
}
