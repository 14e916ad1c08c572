import type { Db, Tables } from '../db/store.ts'

/**
 * The table objects of the dialect `db` runs on. Both stores hand drizzle their own generated
 * tables as its schema, and a transaction keeps it, so any `Db` (or transaction) knows its tables;
 * using the SQLite objects on PostgreSQL would map booleans and JSON wrongly.
 */
export function tablesOf(db: Db): Tables {
  return db._.fullSchema
}
