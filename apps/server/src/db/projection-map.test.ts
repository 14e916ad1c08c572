import { describe, expect, it } from 'vitest'
import { ticketCategoriesProjection, ticketsProjection } from './projection.gen.ts'
import { columnsToProperties, propertiesToRow, referenceIds } from './projection-map.ts'

describe('projection mapping', () => {
  it('maps wire properties to row keys, carriers to their foreign keys', () => {
    const row = propertiesToRow(ticketsProjection, {
      Title: 'Printer on fire',
      OwnedBy: { AssociateId: 7, Name: 'AA' },
      Category: null,
      Deadline: null,
    })
    expect(row).toEqual({
      title: 'Printer on fire',
      ownedById: 7,
      categoryId: null,
      deadline: null,
    })
  })

  it('maps rows back, null for nullable and absent for optional properties', () => {
    const props = columnsToProperties(ticketCategoriesProjection, {
      ticketCategoryId: 3,
      name: 'Support',
      assignmentState: null,
    })
    expect(props.TicketCategoryId).toBe(3)
    expect(props.Name).toBe('Support')
    expect('AssignmentState' in props).toBe(false)
    expect(referenceIds(ticketsProjection, { ownedById: 4, categoryId: null }).OwnedBy).toBe(4)
  })
})
