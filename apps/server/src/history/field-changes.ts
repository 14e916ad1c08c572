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

const noKeys: CarrierKeys = {}
const keyMaps = new WeakMap<CarrierKeys, ReadonlyMap<string, string>>()

/** `keys` as a map, made once per record (the entity's, built when its module loads). */
function keyMapOf(keys: CarrierKeys): ReadonlyMap<string, string> {
  let map = keyMaps.get(keys)
  if (map === undefined) {
    map = new Map(Object.entries(keys))
    keyMaps.set(keys, map)
  }
  return map
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
  keys: CarrierKeys = noKeys
): TicketFieldChange[] {
  const changes: TicketFieldChange[] = []
  const keyOf = keyMapOf(keys)
  if (before === null) {
    // A new entity has only its own names. Its values come with them: reading each by name from
    // one place made that read see every name, which V8 handles slowly.
    for (const [name, value] of Object.entries(after)) {
      if (!ignored.has(name)) {
        const to = historyText(value, keyOf.get(name))
        if (!(to === null || to === '' || to === '0' || to === 'false')) {
          changes.push({ Field: `${prefix}${name}`, From: null, To: to })
        }
      }
    }
    return changes
  }
  // A change also has the names the old version had.
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (ignored.has(name)) {
      continue
    }
    const key = keyOf.get(name)
    const from = historyText(before[name], key)
    const to = historyText(after[name], key)
    if (from !== to) {
      changes.push({ Field: `${prefix}${name}`, From: from, To: to })
    }
  }
  return changes
}
