import type { DrizzleDialect } from './drizzle-dialects/dialect'
import type { ColumnModel } from './table-model'
import { quote } from './ts-literal'

/** Builder call for the column type, e.g. `integer('done', { mode: 'boolean' })`. */
function builder(column: ColumnModel, dialect: DrizzleDialect): { fn: string; args: string } {
  const name = quote(column.name)
  switch (column.type) {
    case 'integer':
      return { fn: 'integer', args: name }
    case 'text': {
      const values = column.enumValues
      const enumOption = values === undefined ? '' : `, { enum: [${values.map(quote).join(', ')}] }`
      return { fn: 'text', args: name + enumOption }
    }
    case 'datetime':
      // ISO 8601 UTC text in every dialect rather than a timestamp type: the row value is then
      // the wire value, identical across dialects, with no timezone or precision conversion.
      return { fn: 'text', args: name }
    default:
      return dialect.columnTypes[column.type](name)
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
  dialect: DrizzleDialect,
  constNameOf: (sqlTable: string) => string,
  keyOf: (sqlColumn: string) => string
): ColumnSource {
  const { fn, args } = builder(column, dialect)
  const imports = [fn]
  let code = `${fn}(${args})`
  if (column.primaryKey === true) {
    code += column.autoIncrement === true ? dialect.generatedPrimaryKey : '.primaryKey()'
  } else if (column.notNull) {
    code += '.notNull()'
  }
  const ref = column.references
  if (ref !== undefined) {
    imports.push(`type ${dialect.anyColumn}`)
    const onDelete = ref.onDelete === undefined ? '' : `, { onDelete: ${quote(ref.onDelete)} }`
    // The return annotation breaks TypeScript's circular-inference error for self and mutual
    // references; the arrow defers lookup, so tables may reference tables defined later.
    code += `.references((): ${dialect.anyColumn} => ${constNameOf(ref.table)}.${keyOf(ref.column)}${onDelete})`
  }
  return { code, imports }
}
