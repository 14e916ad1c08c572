import { TicketEntity } from '@ticket/schema'
import { describe, expect, it } from 'vitest'
import { inputLimits } from '../../input/gate.ts'
import { FormError, formToValue } from './form-to-value.ts'

const read = (body: string) => formToValue(body, TicketEntity, inputLimits)

const problemsOf = (body: string) => {
  try {
    read(body)
  } catch (error) {
    if (error instanceof FormError) {
      return error.problems
    }
    throw error
  }
  return []
}

describe('ASP.NET-style form keys', () => {
  it('builds the nested object a JSON body would be, typed by the schema', () => {
    const body =
      'Title=Printer+on+%C3%A6+fire&OwnedBy.AssociateId=5&Tags[1].Name=y&Tags[0].Name=x' +
      '&HasAttachment=true&ConnectId=-3&BaseStatus=Closed&Deadline=2024-01-15T12%3A00&Person=' +
      '&CustomFields[custom.field]=a%26b&SecondaryPersons%5B0%5D.PersonId=9'
    expect(read(body)).toEqual({
      Title: 'Printer on æ fire',
      OwnedBy: { AssociateId: 5 },
      Tags: [{ Name: 'x' }, { Name: 'y' }],
      HasAttachment: true,
      ConnectId: -3,
      BaseStatus: 'Closed',
      Deadline: '2024-01-15T12:00',
      Person: null,
      CustomFields: { 'custom.field': 'a&b' },
      SecondaryPersons: [{ PersonId: 9 }],
    })
  })

  it('matches property names case-insensitively and keeps unknown keys as text', () => {
    expect(read('ownedby.associateid=7&tags[0].id=2&Nonsense.Deep=1')).toEqual({
      ownedby: { associateid: 7 },
      tags: [{ id: 2 }],
      Nonsense: { Deep: '1' },
    })
  })

  it('keeps a value that does not fit its type as text, for validation to report', () => {
    expect(read('TicketId=seven&HasAttachment=maybe')).toEqual({
      TicketId: 'seven',
      HasAttachment: 'maybe',
    })
  })

  it('never sets a prototype from a key', () => {
    const value = read('__proto__.polluted=1&OwnedBy.__proto__.x=2') as Record<string, unknown>
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    expect(Object.hasOwn(value, '__proto__')).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('reports every bad key with its pointer', () => {
    const deep = Array.from({ length: 40 }, (_, i) => `a${i}`).join('.')
    expect(
      problemsOf(
        `Title=a&Title=b&Tags[x=1&Tags[1000].Name=z&OwnedBy=1&OwnedBy.AssociateId=2&${deep}=1`
      )
    ).toEqual([
      { kind: 'key', key: 'Tags[x', path: '/Tags[x' },
      { kind: 'index', key: 'Tags[1000].Name', path: '/Tags/1000/Name' },
      { kind: 'depth', key: deep, path: `/${deep.replaceAll('.', '/')}` },
      { kind: 'repeated', key: 'Title', path: '/Title' },
      { kind: 'mixed', key: 'OwnedBy', path: '/OwnedBy' },
    ])
  })
})
