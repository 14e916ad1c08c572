import type { DrizzleDialect } from './dialect'

/** PostgreSQL: native boolean, double precision and jsonb; identity keys. */
export const pg: DrizzleDialect = {
  module: 'drizzle-orm/pg-core',
  table: 'pgTable',
  anyColumn: 'AnyPgColumn',
  columnTypes: {
    real: (name) => ({ fn: 'doublePrecision', args: name }),
    boolean: (name) => ({ fn: 'boolean', args: name }),
    json: (name) => ({ fn: 'jsonb', args: name }),
  },
  generatedPrimaryKey: '.primaryKey().generatedByDefaultAsIdentity()',
  // PostgreSQL sorts NULL as the largest value; an index column declared NULLS FIRST lets a scan
  // either way give `asc nulls first` or `desc nulls last`.
  sortIndexColumn: (key, nullable) => (nullable ? `t.${key}.asc().nullsFirst()` : `t.${key}`),
}
