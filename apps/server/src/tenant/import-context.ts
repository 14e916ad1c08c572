import type { Db, Tables } from '../db/store.ts'
import { foldKey } from './tenant-sections.ts'

/** What every section importer works with: the transaction, its dialect's tables, the clock. */
export interface ImportContext {
  tx: Db
  tables: Tables
  /** ISO 8601 UTC time of this import. */
  now: string
}

const byKey = <R>(rows: R[], key: (row: R) => string) => new Map(rows.map((row) => [key(row), row]))

/** Every associate by folded user name. */
export async function associatesByUserName({ tx, tables }: ImportContext) {
  const rows = await tx.select().from(tables.associates)
  return byKey(
    rows.filter((row) => row.userName !== null),
    (row) => foldKey(row.userName ?? '')
  )
}

export async function statusesByName({ tx, tables }: ImportContext) {
  return byKey(await tx.select().from(tables.ticketStatuses), (row) => row.name)
}

export async function prioritiesByName({ tx, tables }: ImportContext) {
  return byKey(await tx.select().from(tables.ticketPriorities), (row) => row.name)
}

export async function categoriesByName({ tx, tables }: ImportContext) {
  return byKey(await tx.select().from(tables.ticketCategories), (row) => row.name)
}

export async function ticketTypesByName({ tx, tables }: ImportContext) {
  return byKey(await tx.select().from(tables.ticketTypes), (row) => row.name)
}

/** Every person by folded email. */
export async function personsByEmail({ tx, tables }: ImportContext) {
  return byKey(await tx.select().from(tables.persons), (row) => foldKey(row.email))
}

export async function salesByTitle({ tx, tables }: ImportContext) {
  return byKey(await tx.select().from(tables.sales), (row) => row.title)
}

export async function projectsByName({ tx, tables }: ImportContext) {
  return byKey(await tx.select().from(tables.projects), (row) => row.name)
}

export async function tagsByNameKey({ tx, tables }: ImportContext) {
  return byKey(await tx.select().from(tables.tags), (row) => row.nameKey)
}
