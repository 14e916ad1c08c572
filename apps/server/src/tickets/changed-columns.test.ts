import { describe, expect, it } from 'vitest'
import { changedColumns } from './changed-columns.ts'
import type { TicketRow } from './ticket-rows.ts'

const values: unknown[] = [
  null,
  undefined,
  0,
  -0,
  1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  '1',
  'null',
  'true',
  true,
  false,
  [],
  [1],
  {},
  { a: 1 },
  { a: '1' },
  // An object whose toJSON gives null has the text of null; another date does not.
  new Date(Number.NaN),
  new Date(0),
]

describe('changedColumns', () => {
  it('calls a column changed exactly when the JSON texts of its two values differ', () => {
    for (const before of values) {
      for (const after of values) {
        const expected =
          JSON.stringify(before ?? null) !== JSON.stringify(after ?? null) ? ['title'] : []
        expect(
          changedColumns({ title: before } as unknown as TicketRow, { title: after }),
          `${String(before)} → ${String(after)}`
        ).toEqual(expected)
      }
    }
  })

  it('names the SQL column, and leaves out the revision and the change stamp', () => {
    expect(
      changedColumns(undefined, { ownedById: 3, revision: 1, lastChanged: 'x', title: null })
    ).toEqual(['owned_by_id'])
  })
})
