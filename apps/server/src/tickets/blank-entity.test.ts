import { TicketEntity } from '@ticket/schema'
import { describe, expect, it } from 'vitest'
import { blankTicketEntity } from './blank-entity.ts'

describe('blankTicketEntity', () => {
  it('has every property of the schema but the per-caller ones, in schema order', () => {
    const expected = Object.keys(TicketEntity.properties).filter(
      (name) => name !== 'TableRight' && name !== 'FieldProperties'
    )
    expect(Object.keys(blankTicketEntity())).toEqual(expected)
  })

  it('holds empty values: carriers null, numbers 0, lists empty', () => {
    const blank = blankTicketEntity() as unknown as Record<string, unknown>
    expect(blank.TicketId).toBe(0)
    expect(blank.OwnedBy).toBeNull()
    expect(blank.Tags).toEqual([])
    expect(blank.ExtraFields).toEqual({})
  })

  it('never shares a list or an object between two entities', () => {
    const first = blankTicketEntity() as unknown as Record<string, unknown>
    const second = blankTicketEntity() as unknown as Record<string, unknown>
    for (const [name, value] of Object.entries(first)) {
      if (value !== null && typeof value === 'object') {
        expect(second[name], name).not.toBe(value)
      }
    }
    ;(first.Tags as unknown[]).push({ Id: 1 })
    expect(second.Tags).toEqual([])
    expect(blankTicketEntity().Tags).toEqual([])
  })
})
