/**
 * `items` in groups by `keyOf`, each group non-empty and in the items' order, the groups in the
 * order their first items came. (`Map.groupBy` does this from Node 21; the service runs on 20.)
 * @example groupBy(rows, (row) => row.categoryId) // Map { 3 => [row, row], 5 => [row] }
 */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, [T, ...T[]]> {
  const groups = new Map<K, [T, ...T[]]>()
  for (const item of items) {
    const key = keyOf(item)
    const group = groups.get(key)
    if (group) {
      group.push(item)
    } else {
      groups.set(key, [item])
    }
  }
  return groups
}
