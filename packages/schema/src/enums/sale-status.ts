import type { Static } from '@sinclair/typebox'
import { StringEnum } from '../common/types.ts'

/** Numeric values of SuperOffice's `SaleStatus`, by name. */
export const SaleStatusValues = {
  Unknown: 0,
  Open: 1,
  Sold: 2,
  Lost: 3,
  Stalled: 4,
  SaintAll: 5,
} as const

/**
 * Status of a sale.
 * @example 'Open'
 */
export const SaleStatus = StringEnum('SaleStatus', SaleStatusValues, {
  description: 'Status of a sale.',
})
export type SaleStatus = Static<typeof SaleStatus>
