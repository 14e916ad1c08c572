import type { ColumnsProjection } from '@ticket/codegen'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { projections, ticketCategoriesProjection, ticketsProjection } from './projection.gen.ts'
import {
  columnsInto,
  columnsToProperties,
  propertiesToRow,
  referenceIds,
} from './projection-map.ts'

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

// What the mappings mean, written as plain loops over a projection's entries: the compiled
// mappers must give the same result for every generated projection and any row.
const expected = {
  columnsInto(out: Record<string, unknown>, projection: ColumnsProjection, row: Row) {
    for (const [property, key] of Object.entries(projection.columns)) {
      const value = row[key]
      if (value === null || value === undefined) {
        if (!projection.optional.includes(property)) {
          out[property] = null
        }
      } else {
        out[property] = value
      }
    }
    return out
  },
  referenceIds(projection: ColumnsProjection, row: Row) {
    return Object.fromEntries(
      Object.entries(projection.references).map(([property, { key }]) => {
        const value = row[key]
        return [property, typeof value === 'number' ? value : null]
      })
    )
  },
  propertiesToRow(projection: ColumnsProjection, values: Row) {
    const row: Row = {}
    for (const [property, key] of Object.entries(projection.columns)) {
      if (property in values) {
        row[key] = values[property] ?? null
      }
    }
    for (const [property, { key, carrierKey }] of Object.entries(projection.references)) {
      if (property in values) {
        const carrier = values[property]
        const id =
          carrier !== null && typeof carrier === 'object' ? (carrier as Row)[carrierKey] : undefined
        row[key] = typeof id === 'number' && id > 0 ? id : null
      }
    }
    return row
  },
}

type Row = Record<string, unknown>

const anyValue = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.integer({ min: -3, max: 3 }),
  fc.string({ maxLength: 3 }),
  fc.dictionary(fc.constantFrom('Id', 'AssociateId', 'TicketCategoryId', 'x'), fc.integer())
)

describe('compiled projection mappings', () => {
  for (const [name, projection] of Object.entries(projections) as [string, ColumnsProjection][]) {
    const names = [
      ...Object.keys(projection.columns),
      ...Object.values(projection.columns),
      ...Object.keys(projection.references),
      ...Object.values(projection.references).map((reference) => reference.key),
    ]
    it(`mean what the plain loops mean for ${name}`, () => {
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom(...names), anyValue), (record) => {
          expect(columnsInto({ kept: 1 }, projection, record)).toEqual(
            expected.columnsInto({ kept: 1 }, projection, record)
          )
          expect(referenceIds(projection, record)).toEqual(
            expected.referenceIds(projection, record)
          )
          expect(propertiesToRow(projection, record)).toEqual(
            expected.propertiesToRow(projection, record)
          )
        }),
        { numRuns: 200 }
      )
    })
  }
})
