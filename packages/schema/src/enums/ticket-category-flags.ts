import type { Static } from '@sinclair/typebox'
import { FlagsEnum } from '../common/types.ts'

/** Numeric values of SuperOffice's `TicketCategoryFlags`, by name. */
export const TicketCategoryFlagsValues = {
  Unknown: 0,
  Internal: 1,
  OnlyLoggedInUsers: 2,
  DefaultToCategoryMaster: 4,
  ListInMain: 8,
  RedelegateNewMsg: 16,
  DelegateToOurContact: 32,
  PropagateReplyTemplate: 64,
  MembersOnly: 128,
  NotifyMembers: 256,
  AcceptWhenReplying: 512,
} as const

/**
 * Category options, comma-joined flag names.
 * @example 'NotifyMembers, DefaultToCategoryMaster'
 */
export const TicketCategoryFlags = FlagsEnum('TicketCategoryFlags', TicketCategoryFlagsValues, {
  description: 'Category options, comma-joined flag names.',
})
export type TicketCategoryFlags = Static<typeof TicketCategoryFlags>
