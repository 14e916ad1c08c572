import type { TObject, TSchema } from '@sinclair/typebox'
import type { DbHint, TableSpec } from './contract'
import { camelCase, snakeCase } from './naming'
import { childTable, itemObject, linkTable, positionColumn } from './nested-tables'
import type {
  ChildrenProjection,
  ColumnsProjection,
  LinkProjection,
  ReferenceProjection,
  TableProjection,
} from './projection-types'
import { mechanicalType, readHint, stringEnumValues, unwrapNullable } from './schema-inspect'
import type { ColumnModel, TableModel } from './table-types'

export type { ColumnModel, OnDelete, TableModel } from './table-types'

export interface SchemaModel {
  /** Entity tables in the given order, each followed by its link and child tables. */
  tables: TableModel[]
  projections: TableProjection[]
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] }
type MutableColumns = Mutable<ColumnsProjection> & {
  columns: Record<string, string>
  references: Record<string, ReferenceProjection>
}

interface MappedObject {
  columns: ColumnModel[]
  projection: MutableColumns
  nested: {
    property: string
    hint: Extract<DbHint, { kind: 'link' | 'children' }>
    schema: TSchema
  }[]
}

/**
 * TableSpecs → tables and projections. Nullability rule (both dialects): a column is NOT NULL
 * when it belongs to the primary key, is a structural link/children column, or its property is
 * required and its schema does not admit null. Everything else is nullable, so a row can always
 * hold what the schema allows.
 */
export function buildSchemaModel(specs: readonly TableSpec[]): SchemaModel {
  const tables: TableModel[] = []
  const projections: TableProjection[] = []
  for (const spec of specs) {
    const where = `table '${spec.name}'`
    const mapped = mapObject(spec.schema, where, true)
    const table: TableModel = {
      name: spec.name,
      constName: camelCase(spec.name),
      columns: mapped.columns,
    }
    const pkKeys = spec.primaryKey.map((property) => storedColumn(table, mapped, property, where))
    applyPrimaryKey(table, pkKeys, spec.autoIncrement === true, where)
    if (spec.indexes) {
      table.compositeIndexes = spec.indexes.map((properties) =>
        properties.map((property) => storedColumn(table, mapped, property, where).key)
      )
    }
    if (spec.partialIndexes) {
      table.partialIndexes = spec.partialIndexes.map(({ columns, whereSet }) => {
        if (!columns.includes(whereSet)) {
          throw new Error(
            `${where}: partial index whereSet '${whereSet}' is not one of its columns`
          )
        }
        return {
          keys: columns.map((property) => storedColumn(table, mapped, property, where).key),
          whereSet: storedColumn(table, mapped, whereSet, where).key,
        }
      })
    }
    const links: Record<string, LinkProjection> = {}
    const children: Record<string, ChildrenProjection> = {}
    const extra: TableModel[] = []
    for (const { property, hint, schema } of mapped.nested) {
      const parent = singleKey(table, `${where}: ${hint.kind} property '${property}'`)
      if (hint.kind === 'link') {
        extra.push(linkTable(hint, table, parent))
        links[property] = {
          table: camelCase(hint.table),
          parentKey: camelCase(hint.parentColumn),
          targetKey: camelCase(hint.targetColumn),
          positionKey: positionColumn,
          carrierKey: hint.key,
          targetTable: camelCase(hint.target.table),
          targetTableKey: camelCase(hint.target.column),
        }
      } else {
        const item = itemObject(schema, `${where}: children property '${property}'`)
        const child = mapObject(item, `table '${hint.table}'`, false)
        extra.push(childTable(hint, table, parent, child.columns))
        children[property] = {
          table: camelCase(hint.table),
          parentKey: camelCase(hint.parentColumn),
          positionKey: positionColumn,
          ...child.projection,
        }
      }
    }
    tables.push(table, ...extra)
    projections.push({
      table: table.constName,
      sqlName: spec.name,
      primaryKey: [...spec.primaryKey],
      autoIncrement: spec.autoIncrement === true,
      ...mapped.projection,
      links,
      children,
    })
  }
  checkUniqueNames(tables)
  resolveReferences(tables)
  return { tables, projections }
}

function mapObject(object: TObject, where: string, allowNested: boolean): MappedObject {
  const required = new Set(object.required ?? [])
  const columns: ColumnModel[] = []
  const projection: MutableColumns = {
    columns: {},
    references: {},
    json: [],
    booleans: [],
    optional: [],
    nullable: [],
    skipped: [],
  }
  const nested: MappedObject['nested'] = []
  for (const [property, schema] of Object.entries(object.properties)) {
    const { schema: inner, nullable } = unwrapNullable(schema)
    const hint = readHint(schema, inner)
    if (hint?.kind === 'skip') {
      projection.skipped.push(property)
      continue
    }
    if (hint?.kind === 'link' || hint?.kind === 'children') {
      if (!allowNested) {
        throw new Error(
          `${where}: '${hint.kind}' property '${property}' cannot nest in a child table`
        )
      }
      nested.push({ property, hint, schema: inner })
      continue
    }
    const notNull = required.has(property) && !nullable
    if (!required.has(property)) {
      projection.optional.push(property)
    }
    if (nullable) {
      projection.nullable.push(property)
    }
    if (hint?.kind === 'reference') {
      const column: ColumnModel = {
        key: camelCase(hint.column),
        name: hint.column,
        // Replaced by the target column's type once every table is known.
        type: 'integer',
        notNull,
        references: { table: hint.table, column: hint.targetColumn, onDelete: hint.onDelete },
        index: hint.index,
      }
      columns.push(column)
      projection.references[property] = {
        key: column.key,
        carrierKey: hint.key,
        table: camelCase(hint.table),
        targetKey: camelCase(hint.targetColumn),
      }
      continue
    }
    const type = hint?.type ?? mechanicalType(inner)
    if (type === 'array') {
      throw new Error(`${where}: array property '${property}' needs an x-db link or children hint`)
    }
    const name = hint?.column ?? snakeCase(property)
    const column: ColumnModel = { key: camelCase(name), name, type, notNull }
    const enumValues = type === 'text' ? stringEnumValues(inner) : undefined
    if (enumValues !== undefined) {
      column.enumValues = enumValues
    }
    if (hint?.unique === true) {
      column.unique = true
    }
    if (hint?.index === true) {
      column.index = true
    }
    columns.push(column)
    projection.columns[property] = column.key
    if (type === 'json') {
      projection.json.push(property)
    }
    if (type === 'boolean') {
      projection.booleans.push(property)
    }
  }
  return { columns, projection, nested }
}

function storedColumn(table: TableModel, mapped: MappedObject, property: string, where: string) {
  const key = mapped.projection.columns[property] ?? mapped.projection.references[property]?.key
  const column = table.columns.find((c) => c.key === key)
  if (column === undefined) {
    throw new Error(`${where}: property '${property}' is not a stored column`)
  }
  return column
}

function applyPrimaryKey(
  table: TableModel,
  pk: ColumnModel[],
  autoIncrement: boolean,
  where: string
) {
  const [first] = pk
  if (first === undefined) {
    throw new Error(`${where}: primaryKey is empty`)
  }
  if (autoIncrement && (pk.length > 1 || first.type !== 'integer')) {
    throw new Error(`${where}: autoIncrement needs a single integer primary key`)
  }
  for (const column of pk) {
    column.notNull = true
  }
  if (pk.length === 1) {
    first.primaryKey = true
    first.autoIncrement = autoIncrement || undefined
  } else {
    table.compositeKey = pk.map((c) => c.key)
  }
}

function singleKey(table: TableModel, where: string): ColumnModel {
  const column = table.columns.find((c) => c.primaryKey === true)
  if (column === undefined) {
    throw new Error(`${where}: the parent table needs a single-column primary key`)
  }
  return column
}

function checkUniqueNames(tables: readonly TableModel[]) {
  const names = new Set<string>()
  for (const table of tables) {
    if (names.has(table.name) || names.has(table.constName)) {
      throw new Error(`table '${table.name}' is defined twice`)
    }
    names.add(table.name)
    names.add(table.constName)
    const columns = new Set<string>()
    for (const column of table.columns) {
      if (columns.has(column.name) || columns.has(column.key)) {
        throw new Error(`table '${table.name}': column '${column.name}' is defined twice`)
      }
      columns.add(column.name)
      columns.add(column.key)
    }
  }
}

/** A foreign key takes its target's type, so it works for text keys as well as integers. */
function resolveReferences(tables: readonly TableModel[]) {
  const byName = new Map(tables.map((t) => [t.name, t]))
  for (const table of tables) {
    for (const column of table.columns) {
      if (column.references === undefined) {
        continue
      }
      const { table: targetTable, column: targetColumn } = column.references
      const target = byName.get(targetTable)?.columns.find((c) => c.name === targetColumn)
      if (target === undefined) {
        throw new Error(
          `table '${table.name}': column '${column.name}' references unknown ${targetTable}.${targetColumn}`
        )
      }
      column.type = target.type
    }
  }
}
