import type { EscalationLevel } from '@ticket/schema'
import { eq, sql } from 'drizzle-orm'
import { prepared } from '../db/prepared.ts'
import type { Db, Tables } from '../db/store.ts'
import { canonicalZone } from '../locale/zoned-time.ts'
import { ALWAYS_OPEN, calendarOf, type OfficeCalendar } from './office-calendar.ts'

/** What the clocks and escalation need of a ticket's priority. */
export interface PriorityRules {
  calendar: OfficeCalendar
  /** Escalation steps, by ascending level. */
  levels: EscalationLevel[]
  /** Minutes of office time added to the deadline at each escalation step (0: none). */
  deadlineMinutes: number
}

/** The rules of a priority by id; the reference catalog answers from memory. */
export type RulesOf = (priorityId: number | null | undefined) => Promise<PriorityRules>

/** A ticket without a priority runs on the wall clock and never escalates. */
export const NO_PRIORITY: PriorityRules = { calendar: ALWAYS_OPEN, levels: [], deadlineMinutes: 0 }

type PriorityRow = Tables['ticketPriorities']['$inferSelect']

/** The rules of a priority from its stored row (its hours are in its own zone). */
function rulesOfRow(row: PriorityRow): PriorityRules {
  return {
    calendar: calendarOf(
      row,
      (row.nonDates as string[] | null) ?? [],
      canonicalZone(row.timeZone ?? 'UTC') ?? 'UTC'
    ),
    levels: [...((row.escalationLevels as EscalationLevel[] | null) ?? [])].sort(
      (a, b) => a.Level - b.Level
    ),
    deadlineMinutes: row.deadline,
  }
}

/** The rules of a priority, read from its stored row. */
export async function loadPriorityRules(
  db: Db,
  tables: Tables,
  priorityId: number | null | undefined
): Promise<PriorityRules> {
  if (!priorityId) {
    return NO_PRIORITY
  }
  const statement = prepared(db, 'priorities.rules', (d) =>
    d
      .select()
      .from(tables.ticketPriorities)
      .where(eq(tables.ticketPriorities.ticketPriorityId, sql.placeholder('id')))
      .limit(1)
  )
  const [row] = await statement.execute({ id: priorityId })
  return row ? rulesOfRow(row) : NO_PRIORITY
}

/** The rules of every priority by id, in one query (what the reference catalog holds). */
export async function loadAllPriorityRules(
  db: Db,
  tables: Tables
): Promise<Map<number, PriorityRules>> {
  const rows = await db.select().from(tables.ticketPriorities)
  return new Map(rows.map((row) => [row.ticketPriorityId, rulesOfRow(row)]))
}
