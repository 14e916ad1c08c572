import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Db, Tables } from '../db/store.ts'
import type { AssignmentState, Candidate } from './candidate.ts'

// Postponed* shortcuts are normally stored as Postponed; counted anyway in case one slips in.
const openStatuses = [
  'Active',
  'Postponed',
  'PostponedSpecific',
  'Postponed1Hour',
  'Postponed2Hours',
  'Postponed3Hours',
  'Postponed4Hours',
  'PostponedDay',
  'PostponedWeek',
  'PostponedMonth',
] as const

/**
 * Reads the category row and holds its lock until the transaction ends. A no-op UPDATE takes the
 * same row lock as `SELECT … FOR UPDATE` on PostgreSQL, in builder syntax both dialects share;
 * RETURNING yields the newest committed state after any wait, so two concurrent saves never pick
 * from the same cursor. On SQLite the write transaction is already exclusive.
 */
export async function lockCategory(tx: Db, t: Tables, categoryId: number) {
  const [row] = await tx
    .update(t.ticketCategories)
    .set({ assignmentState: sql`${t.ticketCategories.assignmentState}` })
    .where(eq(t.ticketCategories.ticketCategoryId, categoryId))
    .returning({
      flags: t.ticketCategories.flags,
      delegateMethod: t.ticketCategories.delegateMethod,
      categoryMaster: t.ticketCategories.categoryMaster,
      assignmentState: t.ticketCategories.assignmentState,
    })
  return row
}

export async function saveAssignmentState(
  tx: Db,
  t: Tables,
  categoryId: number,
  state: AssignmentState
) {
  await tx
    .update(t.ticketCategories)
    .set({ assignmentState: state })
    .where(eq(t.ticketCategories.ticketCategoryId, categoryId))
}

/** Members whose associate is not deleted, by position; an associate listed twice counts once. */
export async function availableMembers(tx: Db, t: Tables, categoryId: number) {
  const rows = await tx
    .select({
      associateId: t.categoryMembers.associateId,
      position: t.categoryMembers.position,
      weight: t.categoryMembers.weight,
    })
    .from(t.categoryMembers)
    .innerJoin(t.associates, eq(t.associates.associateId, t.categoryMembers.associateId))
    .where(and(eq(t.categoryMembers.ticketCategoryId, categoryId), eq(t.associates.deleted, false)))
    .orderBy(asc(t.categoryMembers.position))
  const seen = new Set<number>()
  const members: Candidate[] = []
  for (const row of rows) {
    if (!seen.has(row.associateId)) {
      seen.add(row.associateId)
      members.push(row)
    }
  }
  return members
}

/** The associate itself when it exists and is not deleted; null otherwise. */
export async function availableAssociate(tx: Db, t: Tables, associateId: number) {
  if (associateId <= 0) {
    return null
  }
  const [row] = await tx
    .select({ associateId: t.associates.associateId })
    .from(t.associates)
    .where(and(eq(t.associates.associateId, associateId), eq(t.associates.deleted, false)))
    .limit(1)
  return row?.associateId ?? null
}

/** The person's support associate ("our contact"), when set and available. */
export async function supportAssociate(tx: Db, t: Tables, personId: number) {
  const [row] = await tx
    .select({ supportAssociateId: t.persons.supportAssociateId })
    .from(t.persons)
    .where(eq(t.persons.personId, personId))
    .limit(1)
  return row ? availableAssociate(tx, t, row.supportAssociateId) : null
}

/** Open (Active or Postponed, not deleted) tickets per associate, over every category. */
export async function openTicketCounts(tx: Db, t: Tables, associateIds: number[]) {
  const counts = new Map<number, number>()
  if (associateIds.length === 0) {
    return counts
  }
  const rows = await tx
    .select({ associateId: t.tickets.ownedById, open: count() })
    .from(t.tickets)
    .where(
      and(
        inArray(t.tickets.ownedById, associateIds),
        isNull(t.tickets.deletedAt),
        inArray(t.tickets.baseStatus, [...openStatuses])
      )
    )
    .groupBy(t.tickets.ownedById)
  for (const row of rows) {
    if (row.associateId !== null) {
      counts.set(row.associateId, row.open)
    }
  }
  return counts
}
