import type { Static } from '@sinclair/typebox'
import { StringEnum } from '../common/types.ts'

/** Numeric values of SuperOffice's `TicketBaseStatus`, by name. */
export const BaseStatusValues = {
  Unknown: 0,
  Active: 1,
  Closed: 2,
  Postponed: 3,
  Deleted: 4,
  Merged: 5,
  Spam: 6,
  PostponedSpecific: 1001,
  Postponed1Hour: 1002,
  Postponed2Hours: 1003,
  Postponed3Hours: 1004,
  Postponed4Hours: 1005,
  PostponedDay: 1006,
  PostponedWeek: 1007,
  PostponedMonth: 1008,
} as const

/**
 * The base status of a ticket. The Postponed* values from 1001 are UI shortcuts, converted to Postponed when saved.
 * @example 'Active'
 */
export const BaseStatus = StringEnum('TicketBaseStatus', BaseStatusValues, {
  description:
    'The base status of a ticket. The Postponed* values from 1001 are UI shortcuts, converted to Postponed when saved.',
})
export type BaseStatus = Static<typeof BaseStatus>
