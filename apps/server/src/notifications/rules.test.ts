import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { ticketChange } from '../test/notifications/seed.ts'
import { type CategoryFacts, dropKnownAddresses, planRecipients, splitAddresses } from './rules.ts'

const ACTOR = 1
const ANNA = 2
const BOB = 3
const CARL = 4

const category = (over: Partial<CategoryFacts> = {}): CategoryFacts => ({
  name: 'Support',
  notifyMembers: false,
  memberIds: [],
  notificationEmails: [],
  ...over,
})

const plan = (shape: Parameters<typeof ticketChange>[0], facts: CategoryFacts | null = null) =>
  planRecipients(ticketChange(shape), facts)

describe('rules (see docs/decisions.md)', () => {
  test('NewTicket: a ticket created for an owner notifies the owner', () => {
    expect(plan({ after: { id: 1, ownerId: ANNA }, actorId: ACTOR })).toEqual([
      { kind: 'associate', associateId: ANNA, event: 'NewTicket' },
    ])
  })

  test('NewTicket + TicketTakenOver: reassigning notifies the new owner and the previous one', () => {
    const recipients = plan({
      before: { id: 1, ownerId: ANNA },
      after: { id: 1, ownerId: BOB },
      actorId: ACTOR,
    })
    expect(recipients).toEqual([
      { kind: 'associate', associateId: BOB, event: 'NewTicket' },
      { kind: 'associate', associateId: ANNA, event: 'TicketTakenOver' },
    ])
  })

  test('taking a ticket over yourself notifies only the previous owner', () => {
    expect(
      plan({ before: { id: 1, ownerId: ANNA }, after: { id: 1, ownerId: BOB }, actorId: BOB })
    ).toEqual([{ kind: 'associate', associateId: ANNA, event: 'TicketTakenOver' }])
  })

  test('unassigning is no take-over and notifies nobody', () => {
    expect(plan({ before: { id: 1, ownerId: ANNA }, after: { id: 1 }, actorId: ACTOR })).toEqual([])
  })

  test('a change that keeps the owner notifies nobody', () => {
    expect(
      plan({ before: { id: 1, ownerId: ANNA }, after: { id: 1, ownerId: ANNA }, actorId: ACTOR })
    ).toEqual([])
  })

  test.each(['Postponed', 'Closed', 'PostponedDay'] as const)(
    'TicketActivated: %s → Active notifies the owner',
    (from) => {
      expect(
        plan({
          before: { id: 1, ownerId: ANNA, baseStatus: from },
          after: { id: 1, ownerId: ANNA, baseStatus: 'Active' },
          actorId: ACTOR,
        })
      ).toEqual([{ kind: 'associate', associateId: ANNA, event: 'TicketActivated' }])
    }
  )

  test('Active → Closed is no activation', () => {
    expect(
      plan({
        before: { id: 1, ownerId: ANNA, baseStatus: 'Active' },
        after: { id: 1, ownerId: ANNA, baseStatus: 'Closed' },
        actorId: ACTOR,
      })
    ).toEqual([])
  })

  test('CategoryNewTicket: members of a NotifyMembers category hear of a new ticket', () => {
    const facts = category({ notifyMembers: true, memberIds: [BOB, CARL] })
    expect(plan({ after: { id: 1, categoryId: 5 }, actorId: ACTOR }, facts)).toEqual([
      { kind: 'associate', associateId: BOB, event: 'CategoryNewTicket' },
      { kind: 'associate', associateId: CARL, event: 'CategoryNewTicket' },
    ])
  })

  test('members hear nothing without NotifyMembers, or when the ticket is not new', () => {
    const quiet = category({ memberIds: [BOB] })
    expect(plan({ after: { id: 1, categoryId: 5 }, actorId: ACTOR }, quiet)).toEqual([])
    const loud = category({ notifyMembers: true, memberIds: [BOB] })
    expect(
      plan(
        { before: { id: 1, categoryId: 5 }, after: { id: 1, categoryId: 5 }, actorId: ACTOR },
        loud
      )
    ).toEqual([])
  })

  test('NotificationEmail: a new unassigned ticket goes to the category addresses', () => {
    const facts = category({ notificationEmails: ['desk@example.test', 'boss@example.test'] })
    expect(plan({ after: { id: 1, categoryId: 5 }, actorId: ACTOR }, facts)).toEqual([
      { kind: 'address', address: 'desk@example.test', event: 'NotificationEmail' },
      { kind: 'address', address: 'boss@example.test', event: 'NotificationEmail' },
    ])
  })

  test('NotificationEmail is not used when the new ticket has an owner', () => {
    const facts = category({ notificationEmails: ['desk@example.test'] })
    expect(plan({ after: { id: 1, categoryId: 5, ownerId: ANNA }, actorId: ACTOR }, facts)).toEqual(
      [{ kind: 'associate', associateId: ANNA, event: 'NewTicket' }]
    )
  })

  test('NotifyNewTicket forces the new-ticket notifications on an existing ticket', () => {
    const facts = category({ notifyMembers: true, memberIds: [BOB] })
    const shape = { before: { id: 1, ownerId: ANNA }, after: { id: 1, ownerId: ANNA } }
    expect(plan({ ...shape, actorId: ACTOR, notify: false, notifyNewTicket: true }, facts)).toEqual(
      [
        { kind: 'associate', associateId: ANNA, event: 'NewTicket' },
        { kind: 'associate', associateId: BOB, event: 'CategoryNewTicket' },
      ]
    )
  })

  test('never the actor, whichever rule names them', () => {
    const facts = category({ notifyMembers: true, memberIds: [ACTOR, BOB] })
    expect(
      plan({ after: { id: 1, ownerId: ACTOR, categoryId: 5 }, actorId: ACTOR }, facts)
    ).toEqual([{ kind: 'associate', associateId: BOB, event: 'CategoryNewTicket' }])
  })

  test('one notification per recipient: the most specific event wins', () => {
    const facts = category({ notifyMembers: true, memberIds: [ANNA, BOB] })
    expect(plan({ after: { id: 1, ownerId: ANNA, categoryId: 5 }, actorId: ACTOR }, facts)).toEqual(
      [
        { kind: 'associate', associateId: ANNA, event: 'NewTicket' },
        { kind: 'associate', associateId: BOB, event: 'CategoryNewTicket' },
      ]
    )
  })

  test('notify=false, and deletes, notify nobody', () => {
    const facts = category({ notifyMembers: true, memberIds: [BOB], notificationEmails: ['x@y.z'] })
    expect(plan({ after: { id: 1, ownerId: ANNA }, actorId: ACTOR, notify: false }, facts)).toEqual(
      []
    )
    expect(
      plan({ after: { id: 1, ownerId: ANNA }, actorId: ACTOR, kind: 'deleted' }, facts)
    ).toEqual([])
  })

  test('the automatic-assignment marker is not an owner', () => {
    expect(plan({ after: { id: 1, ownerId: 2147483647 }, actorId: ACTOR })).toEqual([])
  })

  test('property: never the actor, never a recipient twice', () => {
    const id = fc.integer({ min: 1, max: 6 })
    const status = fc.constantFrom('Active', 'Closed', 'Postponed') as fc.Arbitrary<
      'Active' | 'Closed' | 'Postponed'
    >
    const side = fc.record({ ownerId: fc.option(id, { nil: undefined }), baseStatus: status })
    fc.assert(
      fc.property(
        fc.option(side, { nil: null }),
        side,
        id,
        fc.boolean(),
        fc.uniqueArray(id, { maxLength: 6 }),
        fc.array(fc.constantFrom('a@x.test', 'A@x.test', 'b@x.test'), { maxLength: 4 }),
        (before, after, actorId, notifyMembers, memberIds, emails) => {
          const change = ticketChange({
            before: before && { id: 1, ...before },
            after: { id: 1, ...after },
            actorId,
          })
          const recipients = planRecipients(
            change,
            category({ notifyMembers, memberIds, notificationEmails: emails })
          )
          const keys = recipients.map((r) =>
            r.kind === 'associate' ? `a${r.associateId}` : `e${r.address.toLowerCase()}`
          )
          expect(new Set(keys).size).toBe(keys.length)
          expect(keys).not.toContain(`a${actorId}`)
        }
      )
    )
  })
})

describe('addresses', () => {
  test('splitAddresses trims and drops empties', () => {
    expect(splitAddresses(' a@x.test, ,b@x.test;c@x.test ')).toEqual([
      'a@x.test',
      'b@x.test',
      'c@x.test',
    ])
  })

  test('dropKnownAddresses removes addresses of associates already named', () => {
    const recipients = [
      { kind: 'address' as const, address: 'Anna@X.test', event: 'NotificationEmail' as const },
      { kind: 'address' as const, address: 'desk@x.test', event: 'NotificationEmail' as const },
    ]
    expect(dropKnownAddresses(recipients, new Set(['anna@x.test']))).toEqual([recipients[1]])
  })
})
