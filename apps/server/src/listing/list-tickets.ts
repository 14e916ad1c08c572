import { asc, inArray, type SQL, sql } from 'drizzle-orm'
import { rawRows } from '../db/raw-rows.ts'
import type { Store } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import type { TimeZoneChoice } from '../locale/time-zone.ts'
import { archiveColumns, type Join, type ResolvedColumn, T } from './archive-columns.ts'
import { compileFilter } from './compile-filter.ts'
import { parseFilter } from './filter-parser.ts'
import {
  afterRow,
  decodeToken,
  encodeToken,
  type KeyValue,
  orderClause,
  type SortKey,
} from './keyset.ts'
import { queryError } from './query-error.ts'
import { searchIndexUpToDate } from './search-backlog.ts'
import { searchDialect } from './search-sql.ts'
import { type ArchiveMode, selectedColumns } from './select-columns.ts'
import { visibleTickets } from './visible-tickets.ts'

export interface ArchiveRequest {
  select?: string
  filter?: string
  orderBy?: string
  top: number
  skip?: number
  mode: ArchiveMode
  skipToken?: string
  zone: TimeZoneChoice | null
}

export interface ArchivePage {
  rows: Record<string, unknown>[]
  /** Where the next page starts; undefined on the last page. */
  nextToken?: string
}

const ORDER = /^(\S+)(?:\s+(asc|desc))?$/i

function addJoin(joins: Join[], join: Join | undefined) {
  if (join && !joins.some((j) => j.alias === join.alias)) {
    joins.push(join)
  }
}

/**
 * One page of the "Ticket" archive: the live tickets the caller may read, restricted by
 * `$filter`, sorted by `$orderBy` with ticketId as the final key, continued after the
 * `$skiptoken` row (keyset paging).
 */
export async function listTickets(store: Store, request: ArchiveRequest): Promise<ArchivePage> {
  const { query, shown, sortKeyCount, searches } = archiveQuery(store, request)
  if (searches) {
    await searchIndexUpToDate(store)
  }
  const found = await rawRows(store, query, 'reader')
  const page = found.slice(0, request.top)
  const rows = page.map((raw) => presentRow(raw, shown))
  if (shown.some((c) => c.kind === 'tags')) {
    await addTags(store, rows)
  }
  const last = page.at(-1)
  const more = found.length > request.top && last !== undefined && request.top > 0
  return {
    rows,
    ...(more
      ? {
          nextToken: encodeToken(
            Array.from({ length: sortKeyCount }, (_, i) => keyValue(last[`__k${i}`]))
          ),
        }
      : {}),
  }
}

/**
 * The SQL of one archive page (one row more than `$top`, to know whether another page
 * follows), with the columns it shows. Separate from running it so its plan can be read.
 */
export function archiveQuery(store: Store, request: ArchiveRequest) {
  const search = searchDialect(store.dialect)
  const columns = archiveColumns(store.dialect, tablesOf(store.db))
  const joins: Join[] = []
  const shown = selectedColumns(columns, request.select, request.mode)
  const conditions: SQL[] = [visibleTickets()]
  let searchText: string | undefined
  if (request.filter?.trim()) {
    const compiled = compileFilter(parseFilter(request.filter), {
      dialect: store.dialect,
      tables: tablesOf(store.db),
      columns,
      zone: request.zone,
      search,
    })
    conditions.push(compiled.where)
    for (const join of compiled.joins) {
      addJoin(joins, join)
    }
    searchText = compiled.searchText
  }

  const keys = sortKeys(request.orderBy, columns, joins, store.dialect)
  if (searchText && !request.orderBy?.trim()) {
    keys.unshift({ expr: search.rank(searchText), desc: false, nullable: false })
  }
  const ticketId = sql`${T}.${sql.identifier('ticket_id')}`
  if (!keys.some((k) => k.expr === TICKET_ID_MARK)) {
    keys.push({ expr: ticketId, desc: keys.at(-1)?.desc ?? false, nullable: false })
  }
  const sortKeysSql = keys.map((k) => ({
    ...k,
    expr: k.expr === TICKET_ID_MARK ? ticketId : k.expr,
  }))
  if (request.skipToken) {
    conditions.push(afterRow(sortKeysSql, decodeToken(request.skipToken, sortKeysSql.length)))
  }

  const selectList: SQL[] = [sql`${ticketId} as ${sql.identifier('PrimaryKey')}`]
  for (const column of shown) {
    if (column.kind === 'stored') {
      addJoin(joins, column.join)
      selectList.push(sql`${column.expr} as ${sql.identifier(column.column.rowKey)}`)
    } else if (column.kind === 'custom') {
      selectList.push(sql`${column.expr} as ${sql.identifier(column.rowKey)}`)
    }
  }
  sortKeysSql.forEach((key, i) => {
    selectList.push(sql`${key.expr} as ${sql.identifier(`__k${i}`)}`)
  })

  const limit = request.top + 1
  const offset = request.skipToken ? 0 : (request.skip ?? 0)
  const query = sql`select ${sql.join(selectList, sql`, `)} from ${tablesOf(store.db).tickets} as ${T} ${sql.join(
    joins.map((j) => j.sql),
    sql` `
  )} where ${sql.join(conditions, sql` and `)} order by ${orderClause(sortKeysSql, store.dialect)} limit ${limit} offset ${offset}`

  // A search reads the full-text index, which must first take the titles still waiting for it.
  return { query, shown, sortKeyCount: sortKeysSql.length, searches: searchText !== undefined }
}

// Marks "ticketId" among the $orderBy keys, so it is not added twice as the final key.
const TICKET_ID_MARK = sql`ticket_id`

/**
 * Text sorts case-insensitively, by code point on both dialects (PostgreSQL would otherwise
 * use the database's locale and disagree with SQLite).
 */
const textKey = (expr: SQL, dialect: Store['dialect']) =>
  dialect === 'pg' ? sql`lower(${expr}) collate "C"` : sql`lower(${expr})`

function sortKeys(
  orderBy: string | undefined,
  columns: ReturnType<typeof archiveColumns>,
  joins: Join[],
  dialect: Store['dialect']
): SortKey[] {
  if (!orderBy?.trim()) {
    return []
  }
  return orderBy.split(',').map((part) => {
    const match = ORDER.exec(part.trim())
    if (!match?.[1]) {
      throw queryError('$orderBy', `"${part.trim()}" is not "column [asc|desc]"`)
    }
    const desc = match[2]?.toLowerCase() === 'desc'
    const resolved: ResolvedColumn = columns.resolve(match[1], '$orderBy')
    if (resolved.kind === 'tags' || resolved.kind === 'search') {
      throw queryError('$orderBy', `cannot sort by "${match[1]}"`, 'unknown_column')
    }
    if (resolved.kind === 'stored') {
      addJoin(joins, resolved.join)
      if (resolved.column.name === 'ticketId') {
        return { expr: TICKET_ID_MARK, desc, nullable: false }
      }
      if (resolved.column.type !== 'text') {
        return { expr: resolved.expr, desc, nullable: resolved.nullable }
      }
      return { expr: textKey(resolved.expr, dialect), desc, nullable: resolved.nullable }
    }
    // A custom field: absent from a ticket's JSON reads as NULL.
    return { expr: textKey(resolved.expr, dialect), desc, nullable: true }
  })
}

function keyValue(value: unknown): KeyValue {
  if (value === null || value === undefined) {
    return null
  }
  if (typeof value === 'number' || typeof value === 'string') {
    return value
  }
  if (typeof value === 'boolean') {
    return Number(value)
  }
  return String(value)
}

/** A stored row as the archive shows it: PrimaryKey, EntityName, then the selected columns. */
function presentRow(
  raw: Record<string, unknown>,
  shown: ReturnType<typeof selectedColumns>
): Record<string, unknown> {
  const row: Record<string, unknown> = { PrimaryKey: Number(raw.PrimaryKey), EntityName: 'ticket' }
  for (const column of shown) {
    if (column.kind === 'stored') {
      const value = raw[column.column.rowKey]
      row[column.column.rowKey] =
        value === null || value === undefined
          ? null
          : column.column.type === 'bool'
            ? Boolean(value)
            : column.column.type === 'int' || column.column.type === 'number'
              ? Number(value)
              : value
    } else if (column.kind === 'custom') {
      const value = raw[column.rowKey]
      row[column.rowKey] = value === null || value === undefined ? null : String(value)
    } else {
      row[column.rowKey] = ''
    }
  }
  return row
}

/** Fills the `tags` column of a page with its tickets' tag names, in tag order. */
async function addTags(store: Store, rows: Record<string, unknown>[]) {
  const ids = rows.map((r) => r.PrimaryKey as number)
  if (ids.length === 0) {
    return
  }
  const { ticketTags, tags } = tablesOf(store.db)
  const found = await store.reader
    .select({ ticketId: ticketTags.ticketId, name: tags.name })
    .from(ticketTags)
    .innerJoin(tags, sql`${tags.id} = ${ticketTags.tagId}`)
    .where(inArray(ticketTags.ticketId, ids))
    .orderBy(asc(ticketTags.ticketId), asc(ticketTags.position))
  const byTicket = new Map<number, string[]>()
  for (const { ticketId, name } of found) {
    byTicket.set(ticketId, [...(byTicket.get(ticketId) ?? []), name])
  }
  for (const row of rows) {
    row.tags = (byTicket.get(row.PrimaryKey as number) ?? []).join(',')
  }
}
