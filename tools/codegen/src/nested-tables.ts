import type { TObject, TSchema } from '@sinclair/typebox'
import type { DbHint } from './contract'
import { isRecord } from './json'
import { camelCase } from './naming'
import type { ColumnModel, TableModel } from './table-types'

/** Orders link and child rows: arrays on the wire are ordered, SQL rows are not. */
export const positionColumn = 'position'

function parentColumn(name: string, parentTable: TableModel, parent: ColumnModel): ColumnModel {
  return {
    key: camelCase(name),
    name,
    type: parent.type,
    notNull: true,
    references: { table: parentTable.name, column: parent.name, onDelete: 'cascade' },
  }
}

const position: ColumnModel = {
  key: positionColumn,
  name: positionColumn,
  type: 'integer',
  notNull: true,
}

export function linkTable(
  hint: Extract<DbHint, { kind: 'link' }>,
  parentTable: TableModel,
  parent: ColumnModel
): TableModel {
  const from = parentColumn(hint.parentColumn, parentTable, parent)
  const to: ColumnModel = {
    key: camelCase(hint.targetColumn),
    name: hint.targetColumn,
    type: 'integer',
    notNull: true,
    references: { table: hint.target.table, column: hint.target.column, onDelete: 'cascade' },
    // The primary key's leading column already indexes lookups by parent; this one serves
    // "which parents use this target" and the cascade on target delete.
    index: true,
  }
  return {
    name: hint.table,
    constName: camelCase(hint.table),
    columns: [from, to, { ...position }],
    compositeKey: [from.key, to.key],
  }
}

export function childTable(
  hint: Extract<DbHint, { kind: 'children' }>,
  parentTable: TableModel,
  parent: ColumnModel,
  itemColumns: ColumnModel[]
): TableModel {
  const from = parentColumn(hint.parentColumn, parentTable, parent)
  return {
    name: hint.table,
    constName: camelCase(hint.table),
    columns: [from, { ...position }, ...itemColumns],
    compositeKey: [from.key, positionColumn],
  }
}

export function itemObject(array: TSchema, where: string): TObject {
  const items: unknown = array.items
  if (array.type !== 'array' || !isRecord(items) || !isRecord(items.properties)) {
    throw new Error(`${where}: expected an array of objects`)
  }
  // An object schema with `properties` is what TObject describes.
  return items as TObject
}
