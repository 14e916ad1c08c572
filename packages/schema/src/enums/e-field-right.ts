import type { Static } from '@sinclair/typebox'
import { FlagsEnum } from '../common/types.ts'

/** Numeric values by name. The Unused* members are left out: their numbers are undocumented. */
export const EFieldRightValues = {
  None: 0,
  Read: 1,
  Write: 2,
  Update: 3,
  Nullable: 32,
  UIHintMandatory: 64,
  UIHintReadOnly: 128,
  UIHints: 192,
  UndefinedValue256: 256,
} as const

/**
 * Field rights of the caller on one field, comma-joined flag names.
 * @example 'Update, UIHintMandatory'
 */
export const EFieldRight = FlagsEnum('EFieldRight', EFieldRightValues, {
  description: 'Field rights of the caller on one field, comma-joined flag names.',
})
export type EFieldRight = Static<typeof EFieldRight>
