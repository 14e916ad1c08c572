import type { MDOListItem } from '@ticket/schema'
import { asc } from 'drizzle-orm'
import { prepared } from '../../db/prepared.ts'
import type { Db } from '../../db/store.ts'
import { tablesOf } from '../../db/tables-of.ts'
import { extraInfo, mdoItem } from './mdo-item.ts'

interface CategoryNode {
  item: MDOListItem
  parentId: number
}

/**
 * The `ejcategory` list: every category named by its full path (`Support/Printers`), built from
 * the ParentId chain. A parent that does not exist makes its child a top-level item.
 */
async function categoryNodes(db: Db): Promise<CategoryNode[]> {
  const t = tablesOf(db).ticketCategories
  const rows = await prepared(db, 'mdo.categories', (d) =>
    d.select().from(t).orderBy(asc(t.ticketCategoryId))
  ).execute()
  const byId = new Map(rows.map((row) => [row.ticketCategoryId, row]))
  const pathOf = (id: number, seen: Set<number> = new Set()): string => {
    const row = byId.get(id)
    if (!row) {
      return ''
    }
    const parent = byId.get(row.parentId)
    if (!parent || seen.has(id)) {
      return row.name
    }
    seen.add(id)
    return `${pathOf(parent.ticketCategoryId, seen)}/${row.name}`
  }
  return rows
    .map((row) => {
      const path = pathOf(row.ticketCategoryId)
      return {
        parentId: byId.has(row.parentId) ? row.parentId : -1,
        item: mdoItem({
          Id: row.ticketCategoryId,
          Name: path,
          FullName: path,
          ToolTip: row.externalName || path,
          ExtraInfo: extraInfo([
            ['parentId', row.parentId],
            ['replyTemplateId', row.replyTemplate || -1],
          ]),
        }),
      }
    })
    .sort((a, b) => a.item.Name.localeCompare(b.item.Name, 'en'))
    .map((node, i) => ({ ...node, item: { ...node.item, Rank: i + 1 } }))
}

/** Every category as a flat list, sorted by full path. */
export async function categoryList(db: Db): Promise<MDOListItem[]> {
  return (await categoryNodes(db)).map((node) => node.item)
}

/** Top-level categories with their children nested in `ChildItems`. */
export async function categoryTree(db: Db): Promise<MDOListItem[]> {
  const nodes = await categoryNodes(db)
  const childrenOf = (parentId: number): MDOListItem[] =>
    nodes
      .filter((node) => node.parentId === parentId && node.item.Id !== parentId)
      .map((node) => ({ ...node.item, ChildItems: childrenOf(node.item.Id) }))
  return childrenOf(-1)
}
