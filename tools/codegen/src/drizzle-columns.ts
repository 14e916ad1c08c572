import type { ColumnModel } from './table-model'
import { quote } from './ts-literal'

export type Dialect = 'sqlite' | 'pg'

/** Per-dialect names the emitter imports. */
export const dialectModule: Record<Dialect, { module: string; table: string; anyColumn: string }> =
  {
    sqlite: {
      module: 'drizzle-orm/sqlite-core',
      table: 'sqliteTable',
      anyColumn: 'AnySQLiteColumn',
    },
    pg: { module: 'drizzle-orm/pg-core', table: 'pgTable', anyColumn: 'AnyPgColumn' },
  }

/** Builder call for the column type, e.g. `integer('done', { mode: 'boolean' })`. */
function builder(column: ColumnModel, dialect: Dialect): { fn: string; args: string } {
  const name = quote(column.name)
  const enumOption =
    column.enumValues === undefined
      ? ''
      : `, { enum: [${column.enumValues.map(quote).join(', ')}] }`
  switch (column.type) {
    case 'integer':
      return { fn: 'integer', args: name }
    case 'real':
      return { fn: dialect === 'sqlite' ? 'real' : 'doublePrecision', args: name }
    case 'text':
      return { fn: 'text', args: name + enumOption }
    case 'boolean':
      return dialect === 'sqlite'
        ? { fn: 'integer', args: `${name}, { mode: 'boolean' }` }
        : { fn: 'boolean', args: name }
    case 'datetime':
      // ISO 8601 UTC text in both dialects rather than pg `timestamp`: the row value is then the
      // wire value, identical across dialects, with no timezone or precision conversion.
      return { fn: 'text', args: name }
    case 'json':
      return dialect === 'sqlite'
        ? { fn: 'text', args: `${name}, { mode: 'json' }` }
        : { fn: 'jsonb', args: name }
  }
}

export interface ColumnSource {
  code: string
  /** Builder functions and types the expression needs imported. */
  imports: string[]
}

/** A column's full Drizzle expression, e.g. `integer('owner_id').references(() => …)`. */
export function columnExpression(
  column: ColumnModel,
  dialect: Dialect,
  constNameOf: (sqlTable: string) => string,
  keyOf: (sqlColumn: string) => string
): ColumnSource {
  const { fn, args } = builder(column, dialect)
  const imports = [fn]
  let code = `${fn}(${args})`
  if (column.primaryKey === true) {
    if (column.autoIncrement === true) {
      code +=
        dialect === 'sqlite'
          ? '.primaryKey({ autoIncrement: true })'
          : '.primaryKey().generatedByDefaultAsIdentity()'
    } else {
      code += '.primaryKey()'
    }
  } else if (column.notNull) {
    code += '.notNull()'
  }
  const ref = column.references
  if (ref !== undefined) {
    const anyColumn = dialectModule[dialect].anyColumn
    imports.push(`type ${anyColumn}`)
    const onDelete = ref.onDelete === undefined ? '' : `, { onDelete: ${quote(ref.onDelete)} }`
    // The return annotation breaks TypeScript's circular-inference error for self and mutual
    // references; the arrow defers lookup, so tables may reference tables defined later.
    code += `.references((): ${anyColumn} => ${constNameOf(ref.table)}.${keyOf(ref.column)}${onDelete})`
  }
  return { code, imports }
}
