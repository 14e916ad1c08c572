import type { TenantItem } from './tenant-sections.ts'

type Category = TenantItem<'Categories'>

/**
 * The categories in file order, except that a parent named in the file comes before its
 * children, so a child can take its parent's id and full path. Cycles were refused earlier.
 */
export function parentsFirst(items: readonly Category[]): Category[] {
  const byName = new Map(items.map((c) => [c.Name, c]))
  const placed = new Set<Category>()
  const ordered: Category[] = []
  const place = (category: Category, depth: number) => {
    if (placed.has(category) || depth > items.length) {
      return
    }
    const parent = category.ParentName === undefined ? undefined : byName.get(category.ParentName)
    if (parent) {
      place(parent, depth + 1)
    }
    if (!placed.has(category)) {
      placed.add(category)
      ordered.push(category)
    }
  }
  for (const category of items) {
    place(category, 0)
  }
  return ordered
}
