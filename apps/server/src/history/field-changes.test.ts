import { describe, expect, it } from 'vitest'
import { fieldChanges, historyText } from './field-changes.ts'

describe('fieldChanges', () => {
  it('lists every field a new entity has a value in, and none it leaves empty', () => {
    const changes = fieldChanges(null, {
      Title: 'Printer on fire',
      OwnedBy: { AssociateId: 5, Name: 'Ann' },
      Tags: [{ Id: 2 }, { Id: 7 }],
      Deadline: null,
      Description: '',
      AlertLevel: 0,
      Important: false,
      LastChanged: '2026-12-01T00:00:00.000Z',
    })
    expect(changes).toEqual([
      { Field: 'Title', From: null, To: 'Printer on fire' },
      { Field: 'OwnedBy', From: null, To: '5' },
      { Field: 'Tags', From: null, To: '2,7' },
    ])
  })

  it('lists what differs between two versions, fields only one of them has included', () => {
    const changes = fieldChanges(
      { Title: 'a', OwnedBy: { AssociateId: 5 }, Gone: 'x', Same: 1 },
      { Title: 'b', OwnedBy: { AssociateId: 6 }, Same: 1, Added: 'y' },
      'TicketMessage.'
    )
    expect(changes).toEqual([
      { Field: 'TicketMessage.Title', From: 'a', To: 'b' },
      { Field: 'TicketMessage.OwnedBy', From: '5', To: '6' },
      { Field: 'TicketMessage.Gone', From: 'x', To: null },
      { Field: 'TicketMessage.Added', From: null, To: 'y' },
    ])
  })

  it("shows a carrier by its field's own key, though it carries other ids", () => {
    const keys = { Person: 'PersonId', OwnedBy: 'AssociateId', SecondaryPersons: 'PersonId' }
    const changes = fieldChanges(
      {
        Person: { PersonId: 4, AssociateId: 9 },
        OwnedBy: { AssociateId: 5, PersonId: 11 },
        SecondaryPersons: [],
      },
      {
        Person: { PersonId: 6, AssociateId: 9 },
        OwnedBy: { AssociateId: 7, PersonId: 12 },
        SecondaryPersons: [
          { PersonId: 2, AssociateId: 9 },
          { PersonId: 3, AssociateId: 9 },
        ],
      },
      '',
      keys
    )
    expect(changes).toEqual([
      { Field: 'Person', From: '4', To: '6' },
      { Field: 'OwnedBy', From: '5', To: '7' },
      { Field: 'SecondaryPersons', From: '', To: '2,3' },
    ])
  })

  it('shows an object without an id as its JSON', () => {
    expect(historyText({ a: 1 })).toBe('{"a":1}')
  })
})
