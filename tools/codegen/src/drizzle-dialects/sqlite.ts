import type { DrizzleDialect } from './dialect'

/** SQLite: booleans are 0/1 integers and JSON is text, both mapped by Drizzle column modes. */
export const sqlite: DrizzleDialect = {
  module: 'drizzle-orm/sqlite-core',
  table: 'sqliteTable',
  anyColumn: 'AnySQLiteColumn',
  columnTypes: {
    real: (name) => ({ fn: 'real', args: name }),
    boolean: (name) => ({ fn: 'integer', args: `${name}, { mode: 'boolean' }` }),
    json: (name) => ({ fn: 'text', args: `${name}, { mode: 'json' }` }),
  },
  generatedPrimaryKey: '.primaryKey({ autoIncrement: true })',
  // SQLite sorts NULL as the smallest value by itself.
  sortIndexColumn: (key) => `t.${key}`,
}
