import type { Static } from '@sinclair/typebox'
import { StringEnum } from '../common/types.ts'

/** Numeric values by name. The numbers are inferred from the documented order. */
export const FormSubmissionStatusValues = {
  Unknown: 0,
  InProgress: 1,
  EmailVerification: 2,
  Submitted: 3,
  Processed: 4,
  Failed: 5,
} as const

/**
 * Processing state of a form submission.
 * @example 'Submitted'
 */
export const FormSubmissionStatus = StringEnum('FormSubmissionStatus', FormSubmissionStatusValues, {
  description: 'Processing state of a form submission.',
})
export type FormSubmissionStatus = Static<typeof FormSubmissionStatus>
