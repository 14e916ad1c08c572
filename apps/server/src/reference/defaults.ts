import { BaseStatusValues } from '@ticket/schema'
import { asc, desc, eq, ne } from 'drizzle-orm'
import type { Db } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'

/** The ids a new ticket starts with; null where the tenant has no default. */
export interface ReferenceDefaults {
  priorityId: number | null
  statusId: number | null
  categoryId: number | null
  ticketTypeId: number | null
}

const hasDefaultFlag = (flags: string) => flags.split(',').some((f) => f.trim() === 'Default')

/**
 * The default status of a base status, or null when it has no status. The UI-only Postponed*
 * base statuses are Postponed. Unmarked data falls back to the base status's first status.
 * @example await defaultStatusFor(db, 'Active') // the id of "Open"
 */
export async function defaultStatusFor(db: Db, baseStatus: string): Promise<number | null> {
  const base = baseStatus.startsWith('Postponed') ? 'Postponed' : baseStatus
  if (!(base in BaseStatusValues)) {
    return null
  }
  const t = tablesOf(db).ticketStatuses
  const [row] = await db
    .select({ id: t.ticketStatusId })
    .from(t)
    .where(eq(t.status, base as keyof typeof BaseStatusValues))
    .orderBy(desc(t.isDefault), asc(t.ticketStatusId))
    .limit(1)
  return row?.id ?? null
}

async function defaultPriority(db: Db): Promise<number | null> {
  const t = tablesOf(db).ticketPriorities
  const rows = await db
    .select({ id: t.ticketPriorityId, flags: t.flags })
    .from(t)
    .where(ne(t.status, 'Deleted'))
    .orderBy(asc(t.sortOrder), asc(t.ticketPriorityId))
  return (rows.find((row) => hasDefaultFlag(row.flags)) ?? rows[0])?.id ?? null
}

async function defaultCategory(db: Db): Promise<number | null> {
  const t = tablesOf(db).ticketCategories
  const [row] = await db
    .select({ id: t.ticketCategoryId })
    .from(t)
    .orderBy(desc(t.isDefault), asc(t.ticketCategoryId))
    .limit(1)
  return row?.id ?? null
}

async function defaultTicketType(db: Db): Promise<number | null> {
  const t = tablesOf(db).ticketTypes
  const [row] = await db
    .select({ id: t.ticketTypeId })
    .from(t)
    .orderBy(desc(t.isDefault), asc(t.ticketTypeId))
    .limit(1)
  return row?.id ?? null
}

/**
 * The defaults of a new ticket: the priority flagged Default, the default Active status, the
 * default category and ticket type (the tenant import keeps exactly one of each).
 */
export async function defaults(db: Db): Promise<ReferenceDefaults> {
  return {
    priorityId: await defaultPriority(db),
    statusId: await defaultStatusFor(db, 'Active'),
    categoryId: await defaultCategory(db),
    ticketTypeId: await defaultTicketType(db),
  }
}
