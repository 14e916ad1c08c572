import type { Static } from '@sinclair/typebox'
import { StringEnum } from '../common/types.ts'

/** Numeric values of SuperOffice's `SaleCompleted`, by name. */
export const SaleCompletedValues = { Unknown: 0, NotStarted: 1, Started: 2, Completed: 3 } as const

/**
 * Whether the sale activity is completed.
 * @example 'Started'
 */
export const SaleCompleted = StringEnum('SaleCompleted', SaleCompletedValues, {
  description: 'Whether the sale activity is completed.',
})
export type SaleCompleted = Static<typeof SaleCompleted>
