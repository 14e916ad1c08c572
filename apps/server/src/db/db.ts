import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import type * as sqliteTables from './schema.sqlite.gen.ts'

export type Tables = typeof sqliteTables

/**
 * The query surface shared by both dialects. Queries are written once against the SQLite
 * table types; the PostgreSQL tables are generated from the same schema with the same names,
 * keys and JS value types, so the same builder calls run on both (see README, "Decisions worth
 * knowing").
 */
export type Db = BetterSQLite3Database<Tables>
