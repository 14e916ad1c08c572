import { type Static, type TSchema, TypeGuard } from '@sinclair/typebox'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { BaseStatusValues } from '../enums/base-status.ts'
import { ETableRightValues } from '../enums/e-table-right.ts'
import { OriginValues } from '../enums/origin.ts'
import { TicketCategoryFlagsValues } from '../enums/ticket-category-flags.ts'
import { TicketEntity } from '../model.ts'
import responseSample from './fixtures/post-ticket-response-sample.json' with { type: 'json' }
import sample from './fixtures/post-ticket-sample.json' with { type: 'json' }

// The request's properties (a response adds TableRight, FieldProperties).
const specTable = [
  'TicketId',
  'Title',
  'CreatedAt',
  'LastChanged',
  'ReadByOwner',
  'ReadByCustomer',
  'FirstReadByOwner',
  'FirstReadByUser',
  'Activate',
  'ClosedAt',
  'RepliedAt',
  'AlertTimeout',
  'Deadline',
  'CreatedBy',
  'Author',
  'OwnedBy',
  'Category',
  'Slevel',
  'Priority',
  'BaseStatus',
  'Status',
  'Origin',
  'Person',
  'SecondaryPersons',
  'AlertLevel',
  'ConnectId',
  'ReadStatus',
  'TimeToReply',
  'RealTimeToReply',
  'TimeToClose',
  'RealTimeToClose',
  'TimeSpentInternally',
  'TimeSpentExternally',
  'TimeSpentQueue',
  'RealTimeSpentInternally',
  'RealTimeSpentExternally',
  'RealTimeSpentQueue',
  'HasAttachment',
  'NumReplies',
  'NumMessages',
  'FromAddress',
  'Messages',
  'Tags',
  'Language',
  'Sentiment',
  'SentimentConfidence',
  'SuggestedCategoryId',
  'SuggestedCategoryName',
  'OrigHumanCategoryId',
  'IconHint',
  'Sale',
  'Project',
  'ExtraFields',
  'CustomFields',
]
const newer = ['TicketType', 'FormSubmission', 'TimeSpent', 'ActiveStatusMonitorId']
const rights = ['TableRight', 'FieldProperties']

// Read-only on save (see docs/decisions.md), plus TimeSpent, which SuperOffice computes.
const readOnlyOnSave = [
  'CreatedAt',
  'LastChanged',
  'CreatedBy',
  'ReadByOwner',
  'ReadByCustomer',
  'FirstReadByOwner',
  'FirstReadByUser',
  'ClosedAt',
  'RepliedAt',
  'AlertTimeout',
  'AlertLevel',
  'ReadStatus',
  'TimeToReply',
  'TimeToClose',
  'RealTimeToReply',
  'RealTimeToClose',
  'TimeSpentInternally',
  'TimeSpentExternally',
  'TimeSpentQueue',
  'RealTimeSpentInternally',
  'RealTimeSpentExternally',
  'RealTimeSpentQueue',
  'HasAttachment',
  'NumReplies',
  'NumMessages',
  'Messages',
  'Sentiment',
  'SentimentConfidence',
  'SuggestedCategoryId',
  'SuggestedCategoryName',
  'IconHint',
  'ActiveStatusMonitorId',
  'TableRight',
  'FieldProperties',
  'TimeSpent',
]

const properties: Record<string, TSchema> = TicketEntity.properties

describe('TicketEntity', () => {
  it('has exactly the properties of the reference page plus the newer ones', () => {
    expect(Object.keys(properties).sort()).toEqual([...specTable, ...newer, ...rights].sort())
  })

  it('keeps the reference page order', () => {
    const keys = Object.keys(properties)
    const onPage = keys.filter((k) => specTable.includes(k) && !k.endsWith('Fields'))
    expect(onPage).toEqual(specTable.filter((k) => !k.endsWith('Fields')))
    expect(keys.slice(-2)).toEqual(rights)
  })

  it('marks exactly the read-only-on-save fields readOnly', () => {
    const readOnly = Object.entries(properties)
      .filter(([, schema]) => schema.readOnly === true)
      .map(([name]) => name)
    expect(readOnly.sort()).toEqual([...readOnlyOnSave].sort())
  })

  const check = TypeCompiler.Compile(TicketEntity)

  it('accepts the reference page request sample', () => {
    expect([...check.Errors(sample)]).toEqual([])
  })

  it('accepts the reference page response sample', () => {
    expect([...check.Errors(responseSample)]).toEqual([])
  })

  it('checks date-time formats for real', () => {
    expect(check.Check({ ...sample, CreatedAt: '2021-02-30T10:00:00Z' })).toBe(false)
    expect(check.Check({ ...sample, CreatedAt: 'yesterday' })).toBe(false)
    expect(check.Check({ ...sample, CreatedAt: '0001-01-01T00:00:00' })).toBe(true)
    expect(check.Check({ ...sample, CreatedAt: null })).toBe(true)
  })

  it('checks enum names, flags and lengths', () => {
    expect(check.Check({ ...sample, Slevel: 'Secret' })).toBe(false)
    expect(check.Check({ ...sample, Title: 'x'.repeat(256) })).toBe(false)
    const category = {
      TicketCategoryId: 1,
      ParentId: -1,
      Name: 'Support',
      Fullname: 'Support',
      CategoryMaster: 1,
      Flags: 'NotifyMembers, DefaultToCategoryMaster',
      DelegateMethod: 'Even',
      ExternalName: '',
      ClosingStatus: 'Closed',
      MsgClosingStatus: 'UserDefined',
      AssignmentLag: -1,
      ReplyTemplate: 0,
      NotificationEmail: '',
      DefaultTicketStatus: null,
      DefaultMessageStatus: null,
      EffectiveReplyTemplateId: 0,
      ExtraFields: {},
      CustomFields: {},
    }
    expect(check.Check({ ...sample, Category: category })).toBe(true)
    expect(check.Check({ ...sample, Category: { ...category, Flags: 'Bogus' } })).toBe(false)
  })

  it('stores nested carriers as references', () => {
    expect(properties.OwnedBy?.['x-db']).toMatchObject({
      kind: 'reference',
      column: 'owned_by_id',
      table: 'associates',
      key: 'AssociateId',
      index: true,
    })
    expect(properties.Tags?.['x-db']).toMatchObject({ kind: 'link', table: 'ticket_tags' })
    expect(properties.Messages?.['x-db']).toEqual({ kind: 'skip' })
  })

  it('types enums as their name unions', () => {
    expectTypeOf<Static<typeof TicketEntity>['Slevel']>().toEqualTypeOf<
      'Unknown' | 'Internal' | 'External'
    >()
    expectTypeOf<TicketEntity['OwnedBy']>().toMatchTypeOf<{ AssociateId: number } | null>()
    expectTypeOf<TicketEntity['Tags']>().toBeArray()
  })
})

describe('enums', () => {
  it('have the documented numeric values', () => {
    expect(BaseStatusValues.Merged).toBe(5)
    expect(BaseStatusValues.Spam).toBe(6)
    expect(BaseStatusValues.PostponedMonth).toBe(1008)
    expect(OriginValues.AutoGenerated).toBe(10)
    expect(TicketCategoryFlagsValues.NotifyMembers).toBe(256)
    expect(ETableRightValues.FULL).toBe(15)
    expect(ETableRightValues.UDR).toBe(11)
  })

  it('travel as names', () => {
    expect(TypeGuard.IsSchema(properties.BaseStatus)).toBe(true)
    expect(properties.BaseStatus?.enum).toEqual(Object.keys(BaseStatusValues))
    expect(properties.BaseStatus?.['x-enum-values']).toEqual(BaseStatusValues)
  })
})
