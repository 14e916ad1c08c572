import type { ImportCounts } from '../tenant/tenant-sections.ts'

/** One line per section: `Associates    7 created, 0 updated, 0 unchanged`. */
export function formatCounts(counts: ImportCounts): string {
  const width = Math.max(...Object.keys(counts).map((name) => name.length))
  return Object.entries(counts)
    .map(
      ([name, c]) =>
        `  ${name.padEnd(width)}  ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`
    )
    .join('\n')
}
