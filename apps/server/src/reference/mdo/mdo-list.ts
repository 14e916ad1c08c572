import type { Static } from '@sinclair/typebox'
import { type MDOListItem, type MdoListName, mdoListNames, type ops } from '@ticket/schema'
import type { Db } from '../../db/store.ts'
import { categoryTree } from './category-items.ts'
import { listProviders } from './list-providers.ts'

/** The list's query parameters as its operation declares them: `flat` and `query`. */
export type MdoListOptions = Static<(typeof ops.MDOList_GetList)['query']>

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
