import type { ColumnType } from '../contract'

/** A Drizzle builder call, e.g. `{ fn: 'integer', args: "'done', { mode: 'boolean' }" }`. */
export interface BuilderCall {
  fn: string
  args: string
}

/** The column types every dialect stores alike (`integer`, `text` and datetimes as text). */
export type SharedColumnType = 'integer' | 'text' | 'datetime'

/**
 * What one dialect's table source differs in. Everything else (shared column types, names,
 * NOT NULL, references, keys, indexes) the emitter writes the same for every dialect.
 */
export interface DrizzleDialect {
  /** The module the builders are imported from. */
  module: string
  /** The table function, e.g. `sqliteTable`. */
  table: string
  /** The column type named in the return annotation of a reference callback. */
  anyColumn: string
  /** Builders of the column types each dialect stores its own way; `name` is quoted. */
  columnTypes: Record<Exclude<ColumnType, SharedColumnType>, (name: string) => BuilderCall>
  /** What follows the builder of a primary key whose values the database generates. */
  generatedPrimaryKey: string
  /**
   * One column of a table-level index. These indexes serve sorts, and NULL sorts as the smallest
   * value on every dialect; a dialect that does not do so by itself says so here.
   */
  sortIndexColumn(key: string, nullable: boolean): string
}
