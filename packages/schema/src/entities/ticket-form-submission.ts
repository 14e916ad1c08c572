import { type Static, Type } from '@sinclair/typebox'
import { rightsProperties } from '../common/rights.ts'
import { Describe, Int32, Text } from '../common/types.ts'
import { FormSubmissionStatus } from '../enums/form-submission-status.ts'

/**
 * The form submission a ticket was created from.
 * @example { FormSubmissionId: 9, EmailAddress: 'kari@example.no', Status: 'Processed' }
 */
export const TicketFormSubmission = Type.Object(
  {
    FormSubmissionId: Int32('Primary key'),
    EmailAddress: Text('The email address given in the submission.', 255),
    Status: Describe(FormSubmissionStatus, 'Processing state of the submission.'),
    ...rightsProperties(),
  },
  { $id: 'TicketFormSubmission', description: 'A form submission.' }
)
export type TicketFormSubmission = Static<typeof TicketFormSubmission>
