import { eq, ne } from 'drizzle-orm'
import { defaultIndex, flagNames, withFlag } from './default-choice.ts'
import { type ImportContext, prioritiesByName } from './import-context.ts'
import { emptyCount, type SectionCount, type TenantItem } from './tenant-sections.ts'
import { upsertRow } from './upsert-row.ts'

/** `"08:30"` → a date-time whose time part is the working hour (only the time part is used). */
const workingHour = (time: string | undefined) =>
  time === undefined ? null : `1970-01-01T${time}:00.000Z`

/**
 * Upserts priorities by name. Exactly one carries the `Default` flag: the one the file marks,
 * else its first; any other stored priority loses the flag.
 */
export async function importPriorities(
  ctx: ImportContext,
  items: readonly TenantItem<'Priorities'>[]
): Promise<SectionCount> {
  const { tx, tables } = ctx
  const t = tables.ticketPriorities
  const count = emptyCount()
  const existing = await prioritiesByName(ctx)
  const chosen = defaultIndex(items, (p) => flagNames(p.Flags).includes('Default'))
  for (const [i, item] of items.entries()) {
    const stored = await upsertRow(
      tx,
      t,
      'ticketPriorityId',
      existing.get(item.Name),
      {
        name: item.Name,
        status: 'Normal',
        flags: withFlag(item.Flags, 'Default', i === chosen),
        sortOrder: item.SortOrder ?? i + 1,
        deadline: item.Deadline ?? 0,
        ticketRead: 'None',
        changedOwner: 'None',
        ticketNewinfo: 'None',
        ticketClosed: 'None',
        ticketChangedPriority: 'None',
        ticketNew: 'None',
        monStart: workingHour(item.MonStart),
        monStop: workingHour(item.MonStop),
        tueStart: workingHour(item.TueStart),
        tueStop: workingHour(item.TueStop),
        wedStart: workingHour(item.WedStart),
        wedStop: workingHour(item.WedStop),
        thuStart: workingHour(item.ThuStart),
        thuStop: workingHour(item.ThuStop),
        friStart: workingHour(item.FriStart),
        friStop: workingHour(item.FriStop),
        satStart: workingHour(item.SatStart),
        satStop: workingHour(item.SatStop),
        sunStart: workingHour(item.SunStart),
        sunStop: workingHour(item.SunStop),
        nonDates: (item.NonDates ?? []).map((day) => `2000-${day}T00:00:00.000Z`),
        escalationLevels: item.EscalationLevels ?? [],
        timeZone: item.TimeZone ?? 'UTC',
      },
      count
    )
    if (i === chosen) {
      await clearOtherDefaults(ctx, stored.ticketPriorityId)
    }
  }
  return count
}

async function clearOtherDefaults({ tx, tables }: ImportContext, keep: number) {
  const t = tables.ticketPriorities
  const others = await tx.select().from(t).where(ne(t.ticketPriorityId, keep))
  for (const other of others) {
    if (flagNames(other.flags).includes('Default')) {
      await tx
        .update(t)
        .set({ flags: withFlag(other.flags, 'Default', false) })
        .where(eq(t.ticketPriorityId, other.ticketPriorityId))
    }
  }
}
