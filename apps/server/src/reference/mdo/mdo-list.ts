import { type MDOListItem, type MdoListName, mdoListNames } from '@ticket/schema'
import type { Db } from '../../db/store.ts'
import { categoryTree } from './category-items.ts'
import { listProviders } from './list-providers.ts'

export interface MdoListOptions {
  /** Flatten tree lists (only `ejcategory` is a tree). */
  flat?: boolean
  /** Case-insensitive substring of the item names; implies flat. */
  query?: string
}

/** The served list a (case-insensitive) name refers to, or undefined. */
export function mdoListNamed(name: string): MdoListName | undefined {
  const wanted = name.toLowerCase()
  return mdoListNames.find((listName) => listName === wanted)
}

/**
 * The items of one MDO list. `ejcategory` is a tree unless `flat` or `query` is given.
 * @example await mdoList(db, 'ejcategory', { query: 'print' }) // [{ Name: 'Support/Printers', … }]
 */
export async function mdoList(
  db: Db,
  list: MdoListName,
  options: MdoListOptions = {}
): Promise<MDOListItem[]> {
  const { query } = options
  if (query !== undefined && query !== '') {
    const needle = query.toLocaleLowerCase('en')
    const items = await listProviders[list](db)
    return items.filter((item) => item.Name.toLocaleLowerCase('en').includes(needle))
  }
  if (list === 'ejcategory' && !options.flat) {
    return categoryTree(db)
  }
  return listProviders[list](db)
}
