import { type ArchiveColumn, ticketArchiveColumns, ticketArchiveSpecial } from '@ticket/schema'
import { getTableName, type SQL, sql } from 'drizzle-orm'
import { projections, ticketsProjection } from '../db/projection.gen.ts'
import type { Store, Tables } from '../db/store.ts'
import { queryError } from './query-error.ts'

/** The alias of the tickets table in every archive query. */
export const T = sql.identifier('t')

/** A column resolved for one query: what it is, its SQL expression and the join it needs. */
export type ResolvedColumn =
  | { kind: 'stored'; column: ArchiveColumn; expr: SQL; nullable: boolean; join?: Join }
  | { kind: 'custom'; name: string; rowKey: string; expr: SQL }
  | { kind: 'tags'; rowKey: string }
  | { kind: 'search' }

export interface Join {
  alias: string
  sql: SQL
}

const byLowerName = new Map(ticketArchiveColumns.map((c) => [c.name.toLowerCase(), c]))

// Custom field names are keys of a JSON object; they are bound as parameters, and this
// pattern only keeps them printable in row keys and messages.
const CUSTOM_FIELD = /^[A-Za-z0-9_.:-]{1,100}$/

type AnyTable = Record<string, { name: string } | unknown>

const columnName = (table: unknown, key: string) =>
  ((table as AnyTable)[key] as { name: string }).name

/** Whether the generated table declares the column nullable (absent: assume it is). */
const nullableColumn = (table: unknown, key: string) =>
  ((table as AnyTable)[key] as { notNull?: boolean } | undefined)?.notNull !== true

/**
 * Resolves archive column names to SQL for one dialect. Names are matched case-insensitively;
 * an unknown one is a 400 naming it and the option it came from.
 */
export function archiveColumns(dialect: Store['dialect'], tables: Tables) {
  const ticketColumn = (key: string) => sql`${T}.${sql.identifier(columnName(tables.tickets, key))}`

  const joinFor = (property: string): Join => {
    const reference =
      ticketsProjection.references[property as keyof typeof ticketsProjection.references]
    const target = tables[reference.table as keyof Tables]
    const alias = `j_${property.toLowerCase()}`
    return {
      alias,
      sql: sql`left join ${sql.identifier(getTableName(target as never))} as ${sql.identifier(alias)} on ${sql.identifier(alias)}.${sql.identifier(columnName(target, reference.targetKey))} = ${ticketColumn(reference.key)}`,
    }
  }

  const stored = (column: ArchiveColumn): ResolvedColumn => {
    const references = ticketsProjection.references as Record<
      string,
      { key: string; table: string }
    >
    const reference = references[column.property]
    if (!reference) {
      const key = (ticketsProjection.columns as Record<string, string>)[column.property]
      return {
        kind: 'stored',
        column,
        expr: ticketColumn(key ?? ''),
        nullable: nullableColumn(tables.tickets, key ?? ''),
      }
    }
    if (!column.subProperty) {
      return {
        kind: 'stored',
        column,
        expr: ticketColumn(reference.key),
        nullable: nullableColumn(tables.tickets, reference.key),
      }
    }
    const join = joinFor(column.property)
    const target = tables[reference.table as keyof Tables]
    const projection = projections[reference.table as keyof typeof projections]
    const key = (projection.columns as Record<string, string>)[column.subProperty] ?? ''
    return {
      kind: 'stored',
      column,
      join,
      // A left join: no referenced row reads as NULL.
      nullable: true,
      expr: sql`${sql.identifier(join.alias)}.${sql.identifier(columnName(target, key))}`,
    }
  }

  const customField = (name: string): ResolvedColumn => {
    const path = `$."${name}"`
    const json = ticketColumn('customFields')
    return {
      kind: 'custom',
      name,
      rowKey: `${ticketArchiveSpecial.customFields}___${name}`,
      expr:
        dialect === 'sqlite'
          ? sql`json_extract(${json}, ${path})`
          : sql`(${json} ->> ${name}::text)`,
    }
  }

  return {
    /** Resolves `name` from the query option `option` (`$select`, `$filter`, `$orderBy`). */
    resolve(name: string, option: string): ResolvedColumn {
      const lower = name.toLowerCase()
      const column = byLowerName.get(lower)
      if (column) {
        return stored(column)
      }
      if (lower === ticketArchiveSpecial.tags.toLowerCase()) {
        return { kind: 'tags', rowKey: ticketArchiveSpecial.tags }
      }
      if (lower === ticketArchiveSpecial.search.toLowerCase()) {
        return { kind: 'search' }
      }
      const prefix = `${ticketArchiveSpecial.customFields.toLowerCase()}/`
      if (lower.startsWith(prefix)) {
        const field = name.slice(prefix.length)
        if (CUSTOM_FIELD.test(field)) {
          return customField(field)
        }
      }
      throw queryError(option, `unknown column "${name}"`, 'unknown_column')
    },
  }
}

export type ArchiveColumnResolver = ReturnType<typeof archiveColumns>
