import type { Db, Tables } from './db.ts'

/**
 * The table objects of the dialect `db` speaks: the one way to reach tables. Each store hands
 * Drizzle its own generated tables as the schema, and a transaction keeps it, so a connection and
 * its tables cannot be mixed up (SQLite's tables on PostgreSQL would map booleans and JSON wrongly).
 */
export function tablesOf(db: Db): Tables {
  // Every Drizzle database and transaction carries its schema; `Db` leaves it out so that the
  // rest of the code reaches tables only through here.
  return (db as unknown as { _: { fullSchema: Tables } })._.fullSchema
}
