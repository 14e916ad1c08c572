import { and, eq, ne } from 'drizzle-orm'
import { defaultIndex } from './default-choice.ts'
import { type ImportContext, statusesByName } from './import-context.ts'
import { emptyCount, type SectionCount, type TenantItem } from './tenant-sections.ts'
import { upsertRow } from './upsert-row.ts'

type Status = TenantItem<'Statuses'>

/** The file's default status of each base status: the one marked, else the first. */
function defaultsByBase(items: readonly Status[]): Set<Status> {
  const chosen = new Set<Status>()
  for (const base of new Set(items.map((s) => s.Status))) {
    const ofBase = items.filter((s) => s.Status === base)
    const index = defaultIndex(ofBase, (s) => s.IsDefault === true)
    const status = ofBase[index]
    if (status) {
      chosen.add(status)
    }
  }
  return chosen
}

/** Upserts statuses by name; exactly one default per base status named in the file. */
export async function importStatuses(
  ctx: ImportContext,
  items: readonly Status[]
): Promise<SectionCount> {
  const { tx, tables } = ctx
  const t = tables.ticketStatuses
  const count = emptyCount()
  const existing = await statusesByName(ctx)
  const defaults = defaultsByBase(items)
  const chosen: { id: number; base: (typeof t.$inferSelect)['status'] }[] = []
  for (const item of items) {
    const stored = await upsertRow(
      tx,
      t,
      'ticketStatusId',
      existing.get(item.Name),
      {
        name: item.Name,
        status: item.Status,
        timeCounter: item.TimeCounter ?? 'None',
        isDefault: defaults.has(item),
        usedInQueue: item.UsedInQueue ?? false,
        noEmailReopen: item.NoEmailReopen ?? false,
      },
      count
    )
    if (stored.isDefault) {
      chosen.push({ id: stored.ticketStatusId, base: stored.status })
    }
  }
  // Statuses outside the file give up their default flag to the file's choice.
  for (const { id, base } of chosen) {
    await tx
      .update(t)
      .set({ isDefault: false })
      .where(and(eq(t.status, base), ne(t.ticketStatusId, id), eq(t.isDefault, true)))
  }
  return count
}
