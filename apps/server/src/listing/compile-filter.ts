import type { ArchiveColumn } from '@ticket/schema'
import { type SQL, sql } from 'drizzle-orm'
import type { Store, Tables } from '../db/store.ts'
import type { TimeZoneChoice } from '../locale/time-zone.ts'
import { type ArchiveColumnResolver, type Join, T } from './archive-columns.ts'
import type { FilterNode, FilterOperator, Literal } from './filter-parser.ts'
import { storedValue } from './filter-values.ts'
import { queryError } from './query-error.ts'
import type { SearchDialect } from './search-sql.ts'

/** Which operators each kind of column takes. */
const operatorsFor: Record<ArchiveColumn['type'] | 'tags', readonly FilterOperator[]> = {
  int: ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'between', 'oneof'],
  number: ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'between', 'oneof'],
  date: ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'between'],
  text: ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'contains', 'startswith', 'between', 'oneof'],
  enum: ['eq', 'ne', 'oneof'],
  bool: ['eq', 'ne'],
  tags: ['eq', 'ne', 'contains', 'startswith', 'oneof'],
}

const comparators: Partial<Record<FilterOperator, SQL>> = {
  lt: sql.raw('<'),
  le: sql.raw('<='),
  gt: sql.raw('>'),
  ge: sql.raw('>='),
}

/** `%` and `_` in a value match themselves, not any text. */
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (m) => `\\${m}`)

/** One comparison on an expression, with every value bound as a parameter. */
function comparison(expr: SQL, op: FilterOperator, values: unknown[]): SQL {
  const [first] = values
  switch (op) {
    case 'eq':
      return first === null ? sql`${expr} is null` : sql`${expr} = ${first}`
    case 'ne':
      // "not equal" includes rows without a value, as a reader of the list expects.
      return first === null
        ? sql`${expr} is not null`
        : sql`(${expr} is null or ${expr} <> ${first})`
    case 'contains':
      return sql`lower(${expr}) like ${`%${likeEscape(String(first).toLowerCase())}%`} escape '\\'`
    case 'startswith':
      return sql`lower(${expr}) like ${`${likeEscape(String(first).toLowerCase())}%`} escape '\\'`
    case 'between':
      return sql`(${expr} >= ${values[0]} and ${expr} <= ${values[1]})`
    case 'oneof':
      return sql`${expr} in (${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `
      )})`
    default:
      return sql`${expr} ${comparators[op]} ${first}`
  }
}

export interface CompiledFilter {
  where: SQL
  joins: Join[]
  /** The words of a `search eq '…'` restriction, for ranking. */
  searchText?: string
}

/**
 * Turns a parsed `$filter` into a WHERE clause. Columns are resolved by name, operators are
 * checked against the column's kind, values are converted to the stored form and bound.
 */
export function compileFilter(
  tree: FilterNode,
  context: {
    dialect: Store['dialect']
    tables: Tables
    columns: ArchiveColumnResolver
    zone: TimeZoneChoice | null
    search: SearchDialect
  }
): CompiledFilter {
  const joins: Join[] = []
  let searchText: string | undefined
  const { dialect, tables, columns, zone } = context

  const refuse = (op: FilterOperator, column: string) =>
    queryError('$filter', `operator "${op}" does not apply to ${column}`, 'unknown_operator')
  const needsValue = (values: Literal[], op: FilterOperator, column: string) => {
    if (values.includes(null) && op !== 'eq' && op !== 'ne') {
      throw queryError('$filter', `${column} ${op} cannot compare with null`, 'type')
    }
  }

  const leaf = (node: Extract<FilterNode, { kind: 'compare' }>, topLevel: boolean): SQL => {
    const resolved = columns.resolve(node.column, '$filter')
    switch (resolved.kind) {
      case 'search': {
        const [text] = node.values
        if (node.op !== 'eq') {
          throw refuse(node.op, node.column)
        }
        if (typeof text !== 'string') {
          throw queryError('$filter', 'search expects words in quotes', 'type')
        }
        // The search joins the index (the fast way in): it restricts the whole result, so it
        // may only be and-ed with the rest, once.
        if (!topLevel || searchText !== undefined) {
          throw queryError(
            '$filter',
            'search may appear once, joined to the rest of the filter by and only',
            'search_placement'
          )
        }
        searchText = text
        joins.push(context.search.join(text))
        return sql`1 = 1`
      }
      case 'tags': {
        if (!operatorsFor.tags.includes(node.op)) {
          throw refuse(node.op, node.column)
        }
        needsValue(node.values, node.op, node.column)
        const names = node.values.map((v) => String(v).toLowerCase())
        const name = sql`lower(${sql.identifier('g')}.${sql.identifier('name')})`
        const inner = comparison(name, node.op === 'ne' ? 'eq' : node.op, names)
        const exists = sql`exists (select 1 from ${tables.ticketTags} as ${sql.identifier('tt')} join ${tables.tags} as ${sql.identifier('g')} on ${sql.identifier('g')}.${sql.identifier('id')} = ${sql.identifier('tt')}.${sql.identifier('tag_id')} where ${sql.identifier('tt')}.${sql.identifier('ticket_id')} = ${T}.${sql.identifier('ticket_id')} and ${inner})`
        return node.op === 'ne' ? sql`not ${exists}` : exists
      }
      case 'custom': {
        if (!operatorsFor.text.includes(node.op)) {
          throw refuse(node.op, node.column)
        }
        needsValue(node.values, node.op, node.column)
        const values = node.values.map((v) => (v === null ? null : String(v)))
        return comparison(resolved.expr, node.op, values)
      }
      default: {
        const { column } = resolved
        if (!operatorsFor[column.type].includes(node.op)) {
          throw refuse(node.op, column.name)
        }
        needsValue(node.values, node.op, column.name)
        if (resolved.join && !joins.some((j) => j.alias === resolved.join?.alias)) {
          joins.push(resolved.join)
        }
        const values = node.values.map((v) =>
          v === null ? null : storedValue(column, v, zone, dialect)
        )
        return comparison(resolved.expr, node.op, values)
      }
    }
  }

  /** `topLevel`: reached from the root through `and` only. */
  const walk = (node: FilterNode, topLevel: boolean): SQL => {
    switch (node.kind) {
      case 'and':
        return sql`(${walk(node.left, topLevel)} and ${walk(node.right, topLevel)})`
      case 'or':
        return sql`(${walk(node.left, false)} or ${walk(node.right, false)})`
      case 'not':
        return sql`not (${walk(node.operand, false)})`
      default:
        return leaf(node, topLevel)
    }
  }

  const where = walk(tree, true)
  return { where, joins, ...(searchText ? { searchText } : {}) }
}
