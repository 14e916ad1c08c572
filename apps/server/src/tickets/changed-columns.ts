import type { TicketRow } from './ticket-rows.ts'

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
const ignored = new Set(['revision', 'lastChanged'])

/** The database column names whose values differ between two rows (webhook `Changes`). */
export function changedColumns(before: TicketRow | undefined, after: Record<string, unknown>) {
  const changed: string[] = []
  for (const [key, value] of Object.entries(after)) {
    if (ignored.has(key)) {
      continue
    }
    const old = before ? (before as Record<string, unknown>)[key] : undefined
    if (JSON.stringify(old ?? null) !== JSON.stringify(value ?? null)) {
      changed.push(snake(key))
    }
  }
  return changed
}

/** Compares two id lists in order. */
export const sameIds = (a: number[], b: number[]) =>
  a.length === b.length && a.every((id, i) => id === b[i])
