import type { TicketEntity } from '@ticket/schema'
import { describe, expect, it } from 'vitest'
import type { Caller } from '../auth/caller.ts'
import { blankTicketEntity } from '../tickets/blank-entity.ts'
import { withRights } from '../tickets/present-ticket.ts'
import { ticketFieldProperties } from '../tickets/rights.ts'
import { answerJson, withSharedJson } from './json-text.ts'

/** The answer as text, whether it came as text or as bytes. */
const textOf = (answer: string | Uint8Array) =>
  typeof answer === 'string' ? answer : Buffer.from(answer).toString('utf8')

const caller = (isAdmin: boolean): Caller => ({
  associateId: 7,
  userName: 'u',
  fullName: 'U',
  isAdmin,
  language: 'US',
})

describe('the answer text with remembered parts', () => {
  it('is byte for byte JSON.stringify of a ticket answer, for callers with and without full rights', () => {
    for (const isAdmin of [true, false]) {
      const answer = withRights(
        { ...blankTicketEntity(), TicketId: 12, Title: 'Æ "quoted" \u2028', Tags: [] },
        caller(isAdmin)
      )
      const before = JSON.stringify(answer)
      const sent = answerJson(answer)
      // Spliced answers come as bytes, so nothing joins and encodes the whole text once more.
      expect(sent).toBeInstanceOf(Uint8Array)
      expect(textOf(sent)).toBe(before)
      // The answer is left as it was.
      expect(JSON.stringify(answer)).toBe(before)
      expect(Object.keys(answer).at(-1)).toBe('FieldProperties')
    }
  })

  it('keeps the remembered rights from changing under it', () => {
    const rights = ticketFieldProperties(caller(false))
    expect(Object.isFrozen(rights)).toBe(true)
    expect(Object.isFrozen(Object.values(rights)[0]?.FieldRight)).toBe(true)
    expect(() => {
      ;(rights as Record<string, unknown>).Title = null
    }).toThrow()
  })

  it('is JSON.stringify for every other shape', () => {
    const shared = withSharedJson({ a: [1, { b: 'c' }], d: null })
    const cases: unknown[] = [
      null,
      3,
      'text',
      [shared, 1],
      {},
      { only: shared },
      { first: shared, second: 1 },
      { nested: { last: shared } },
      { a: undefined, b: shared },
      { a: 1, b: { x: 1 } },
      { 'ä "key"': 'é \u2028', ø: withSharedJson({ c: 'Ω 😀' }) },
      { a: 1, toJSON: () => ({ other: shared }) },
      Object.freeze({ a: 1, b: shared }),
      Object.defineProperty({ a: 1 }, 'b', { value: shared, enumerable: true, writable: false }),
      Object.defineProperty({ a: 1 }, 'b', { get: () => shared, enumerable: true }),
    ]
    for (const value of cases) {
      expect(textOf(answerJson(value))).toBe(JSON.stringify(value))
    }
  })
})

describe('the answer text with shared carriers copied in', () => {
  const person = withSharedJson({ PersonId: 6, Firstname: 'Bjørn', Mrmrs: 'Æ "quoted" \u2028' })
  const other = withSharedJson({ PersonId: 7, Firstname: 'Anna', Nested: { Deep: [1, 2] } })
  const ticket = (extra: Record<string, unknown>) =>
    withRights(
      {
        ...(blankTicketEntity() as Record<string, unknown>),
        TicketId: 12,
        Title: 'Printer',
        Person: person,
        SecondaryPersons: [person, other],
        ...extra,
      } as unknown as TicketEntity,
      caller(false)
    ) as unknown as Record<string, unknown> & { SecondaryPersons: unknown[] }

  it('is byte for byte JSON.stringify, with carriers, lists of them and the rights', () => {
    const answer = ticket({ Author: 'ø 😀' })
    const before = JSON.stringify(answer)
    const sent = answerJson(answer)
    expect(sent).toBeInstanceOf(Uint8Array)
    expect(textOf(sent)).toBe(before)
    expect(JSON.stringify(answer)).toBe(before)
    expect(answer.Person).toBe(person)
    expect(answer.SecondaryPersons[1]).toBe(other)
  })

  it('is JSON.stringify when the body holds what a stand-in looks like', () => {
    // U+0001 itself, its escape as six characters, and the stand-in's whole text.
    for (const Title of ['\u0001', '\\u0001', '"\u00010"', '\u00010', 'a\\u00011']) {
      const answer = ticket({ Title })
      expect(textOf(answerJson(answer))).toBe(JSON.stringify(answer))
    }
  })

  it('keeps a shared carrier from changing under it', () => {
    expect(Object.isFrozen(other.Nested.Deep)).toBe(true)
    expect(() => {
      ;(person as Record<string, unknown>).Firstname = 'Changed'
    }).toThrow()
  })

  it('is JSON.stringify for lists that are not all shared, and for empty ones', () => {
    for (const SecondaryPersons of [[person, { PersonId: 8 }], [], [null], [person, person]]) {
      const answer = ticket({ SecondaryPersons })
      expect(textOf(answerJson(answer))).toBe(JSON.stringify(answer))
    }
  })
})
