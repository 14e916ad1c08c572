import type { ColumnType } from './contract'

export type OnDelete = 'set null' | 'cascade' | 'restrict'

/** One column, dialect-neutral: the Drizzle emitter only picks spellings. */
export interface ColumnModel {
  key: string
  name: string
  type: ColumnType
  notNull: boolean
  enumValues?: string[]
  /** Single-column primary key (composite keys live on the table). */
  primaryKey?: boolean
  autoIncrement?: boolean
  references?: { table: string; column: string; onDelete?: OnDelete }
  unique?: boolean
  index?: boolean
}

export interface TableModel {
  name: string
  constName: string
  columns: ColumnModel[]
  /** Row keys of a primary key spanning two or more columns. */
  compositeKey?: string[]
  /** Row keys of each secondary index over several columns. */
  compositeIndexes?: string[][]
  /** Row keys of each index over the rows where `whereSet` (a row key) is not NULL. */
  partialIndexes?: { keys: string[]; whereSet: string }[]
}
