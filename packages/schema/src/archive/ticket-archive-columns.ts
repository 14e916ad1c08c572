import type { TSchema } from '@sinclair/typebox'
import type { DbHint, TableSpec } from '@ticket/codegen'
import { TicketEntity } from '../entities/ticket-entity.ts'
import { storageTables } from '../storage/tables.ts'

/** How an archive column's values compare and travel. */
export type ArchiveValueType = 'int' | 'number' | 'text' | 'date' | 'bool' | 'enum'

/**
 * One column of the "Ticket" archive. Top-level columns are TicketEntity properties stored on
 * the ticket row (`baseStatus`, `ownedBy` = the owner's id); sub-fields are scalar properties of a
 * referenced carrier that its table stores (`category/name`, written `category___name` in rows).
 */
export interface ArchiveColumn {
  /** The name in `$select`, `$filter` and `$orderBy` (matched case-insensitively). */
  name: string
  /** The key in result rows: `/` becomes `___`. */
  rowKey: string
  type: ArchiveValueType
  /** The TicketEntity property the column comes from. */
  property: string
  /** For sub-fields: the carrier property of the referenced row. */
  subProperty?: string
  /** For enums: the names, in value order. */
  enumNames?: string[]
  /** For enums: name → number, so `baseStatus eq 1` means `Active`. */
  enumValues?: Record<string, number>
  /** The property's schema (description, format) for the documented row shape. */
  schema: TSchema
}

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1)

const hintOf = (schema: TSchema) => (schema as { 'x-db'?: DbHint })['x-db']

/** The non-null branch of `T | null`. */
function unwrap(schema: TSchema): TSchema {
  const anyOf = (schema as { anyOf?: TSchema[] }).anyOf
  return anyOf?.find((branch) => branch.type !== 'null') ?? schema
}

/** The archive type of a scalar schema; undefined for objects, arrays and dictionaries. */
function valueTypeOf(schema: TSchema): ArchiveValueType | undefined {
  const inner = unwrap(schema)
  if (Array.isArray(inner.enum)) {
    return 'enum'
  }
  switch (inner.type) {
    case 'integer':
      return 'int'
    case 'number':
      return 'number'
    case 'boolean':
      return 'bool'
    case 'string':
      return inner.format === 'date-time' ? 'date' : 'text'
    default:
      return undefined
  }
}

function enumOf(schema: TSchema) {
  const inner = unwrap(schema) as { enum?: string[]; 'x-enum-values'?: Record<string, number> }
  return inner.enum ? { enumNames: [...inner.enum], enumValues: inner['x-enum-values'] ?? {} } : {}
}

const tableByName = new Map<string, TableSpec>(storageTables.map((t) => [t.name, t]))

/** The record properties a table stores as columns (not skipped, not JSON, not links). */
function storedScalars(table: TableSpec): Set<string> {
  const out = new Set<string>()
  for (const [name, schema] of Object.entries(table.schema.properties) as [string, TSchema][]) {
    const hint = hintOf(schema)
    if (hint && hint.kind !== 'column') {
      continue
    }
    if (hint?.kind === 'column' && hint.type === 'json') {
      continue
    }
    if (valueTypeOf(schema)) {
      out.add(name)
    }
  }
  return out
}

function column(
  name: string,
  property: string,
  schema: TSchema,
  type: ArchiveValueType,
  subProperty?: string
): ArchiveColumn {
  return {
    name,
    rowKey: name.replace('/', '___'),
    type,
    property,
    ...(subProperty ? { subProperty } : {}),
    ...(type === 'enum' ? enumOf(schema) : {}),
    schema,
  }
}

/** A reference's id column and the referenced carrier's stored scalar sub-fields. */
function referenceColumns(property: string, schema: TSchema, hint: DbHint): ArchiveColumn[] {
  if (hint.kind !== 'reference') {
    return []
  }
  const carrier = unwrap(schema)
  const idSchema = (carrier.properties as Record<string, TSchema>)[hint.key] ?? schema
  const own = lowerFirst(property)
  const out = [column(own, property, idSchema, 'int')]
  const table = tableByName.get(hint.table)
  const stored = table ? storedScalars(table) : new Set<string>()
  for (const [sub, subSchema] of Object.entries(carrier.properties ?? {}) as [string, TSchema][]) {
    const type = valueTypeOf(subSchema)
    if (type && stored.has(sub)) {
      out.push(column(`${own}/${lowerFirst(sub)}`, property, subSchema, type, sub))
    }
  }
  return out
}

/**
 * Every column of the "Ticket" archive, derived from TicketEntity and its storage hints: plain
 * stored scalars, references (as ids) and the referenced carriers' stored scalars. Tags, custom
 * fields and the full-text `search` are the archive's own columns (see ticketArchiveSpecial).
 */
function deriveColumns(): ArchiveColumn[] {
  const out: ArchiveColumn[] = []
  for (const [property, schema] of Object.entries(TicketEntity.properties) as [string, TSchema][]) {
    const hint = hintOf(schema)
    if (hint?.kind === 'reference') {
      out.push(...referenceColumns(property, schema, hint))
      continue
    }
    if (hint && (hint.kind !== 'column' || hint.type === 'json')) {
      continue
    }
    const type = valueTypeOf(schema)
    if (type) {
      out.push(column(lowerFirst(property), property, schema, type))
    }
  }
  return out
}

export const ticketArchiveColumns: readonly ArchiveColumn[] = deriveColumns()

/** Columns of the archive that are not stored on a row of their own. */
export const ticketArchiveSpecial = {
  /** Tag names of the ticket, comma-joined in rows; filters match one tag's name. */
  tags: 'tags',
  /** `customFields/<FieldName>`: a custom field's value (`customFields___<FieldName>` in rows). */
  customFields: 'customFields',
  /** Full-text search over titles and message bodies; filter only, `search eq 'words'`. */
  search: 'search',
} as const

/**
 * What `$mode=Slim` (the default) lists when `$select` is absent: the columns an agent's queue
 * shows. `Wide` adds every other top-level column, `Full` every sub-field and the tags.
 */
export const ticketArchiveSlimColumns = [
  'ticketId',
  'title',
  'baseStatus',
  'status',
  'category',
  'priority',
  'ownedBy',
  'person',
  'createdAt',
  'lastChanged',
  'deadline',
] as const

/** `$top` without a value, and its largest accepted value. */
export const ticketArchivePaging = { defaultTop: 50, maxTop: 500 } as const
