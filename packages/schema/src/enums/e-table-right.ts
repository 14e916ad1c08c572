import type { Static } from '@sinclair/typebox'
import { StringEnum } from '../common/types.ts'

/**
 * Numeric values by name; single rights are bits, the short names are their documented
 * combinations. WRITE and URU are listed by SuperOffice without numbers, so they are left out.
 */
export const ETableRightValues = {
  None: 0,
  Select: 1,
  Update: 2,
  Insert: 4,
  Delete: 8,
  Filtering: 16,
  RestrictedUpdate: 32,
  Unused1: 64,
  Uninitialized: 128,
  R: 1,
  UR: 3,
  RI: 5,
  URI: 7,
  UDR: 11,
  FULL: 15,
  F: 16,
  RF: 17,
  FI: 20,
} as const

/**
 * Table rights of the caller on an entity; combined rights use their short names (FULL, UR, ...).
 * @example 'FULL'
 */
export const ETableRight = StringEnum('ETableRight', ETableRightValues, {
  description:
    'Table rights of the caller on an entity; combined rights use their short names (FULL, UR, ...).',
})
export type ETableRight = Static<typeof ETableRight>
