import { type Static, Type } from '@sinclair/typebox'
import { rightsProperties } from '../common/rights.ts'
import { DateTime, Describe, Double, Int32, Text } from '../common/types.ts'
import { SaleCompleted } from '../enums/sale-completed.ts'
import { SaleStatus } from '../enums/sale-status.ts'

/**
 * A sale (opportunity) a ticket may be connected to.
 * @example { SaleId: 3, Title: 'Annual licence', Amount: 12000, Currency: 'NOK', Status: 'Open' }
 */
export const Sale = Type.Object(
  {
    ContactName: Text('Name of the company the sale belongs to', 255),
    SaleDate: DateTime({ description: 'Expected or actual date of the sale' }),
    SaleId: Int32('Primary key'),
    Probability: Int32('Probability of the sale, in percent'),
    Title: Text('Heading of the sale', 255),
    Amount: Double('The amount of the sale'),
    Currency: Text('The currency of the amount', 50),
    ProjectName: Text('Name of the project the sale belongs to', 255),
    AssociateFullName: Text('Full name of the sale owner', 255),
    Description: Text('The sale description', 2000),
    Status: Describe(SaleStatus, 'The status of the sale'),
    WeightedAmount: Double('Amount weighted by probability'),
    ProjectId: Int32('The project the sale belongs to'),
    EarningPercent: Double('Earning in percent of the amount'),
    Earning: Double('Earning of the sale'),
    ContactId: Int32('The company the sale belongs to'),
    AssociateId: Int32('The owner of the sale'),
    PersonId: Int32('The person the sale belongs to'),
    SaleTypeId: Int32('The sale type id'),
    SaleTypeName: Text('The sale type name', 255),
    PersonFullName: Text('Full name of the person the sale belongs to', 255),
    Completed: Describe(SaleCompleted, 'Whether the sale activity is completed'),
    ActiveErpLinks: Int32('The number of active ERP links'),
    NextDueDate: DateTime({ description: 'Date of the next activity of the sale' }),
    Number: Text('The sale number', 255),
    ...rightsProperties(),
  },
  { $id: 'Sale', description: 'A sale.' }
)
export type Sale = Static<typeof Sale>
