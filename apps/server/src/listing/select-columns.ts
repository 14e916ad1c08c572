import {
  ticketArchiveColumns,
  ticketArchiveSlimColumns,
  ticketArchiveSpecial,
} from '@ticket/schema'
import type { ArchiveColumnResolver, ResolvedColumn } from './archive-columns.ts'
import { queryError } from './query-error.ts'

export type ArchiveMode = 'Slim' | 'Wide' | 'Full'

const modeColumns: Record<ArchiveMode, readonly string[]> = {
  Slim: ticketArchiveSlimColumns,
  Wide: ticketArchiveColumns.filter((c) => !c.subProperty).map((c) => c.name),
  Full: [...ticketArchiveColumns.map((c) => c.name), ticketArchiveSpecial.tags],
}

/** The columns a page shows: `$select` when given, else the `$mode` set. */
export function selectedColumns(
  columns: ArchiveColumnResolver,
  select: string | undefined,
  mode: ArchiveMode
): Array<Exclude<ResolvedColumn, { kind: 'search' }>> {
  const names = select?.trim()
    ? select.split(',').map((name) => name.trim())
    : [...modeColumns[mode]]
  const out: Array<Exclude<ResolvedColumn, { kind: 'search' }>> = []
  const seen = new Set<string>()
  for (const name of names) {
    if (!name) {
      throw queryError('$select', 'an empty column name', 'unknown_column')
    }
    const resolved = columns.resolve(name, '$select')
    if (resolved.kind === 'search') {
      throw queryError('$select', `"${name}" can only be used in $filter`, 'unknown_column')
    }
    const key = resolved.kind === 'stored' ? resolved.column.rowKey : resolved.rowKey
    if (!seen.has(key)) {
      seen.add(key)
      out.push(resolved)
    }
  }
  return out
}
