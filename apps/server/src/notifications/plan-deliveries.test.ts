import { asc } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { tablesOf } from '../db/tables-of.ts'
import { createReferenceReader } from '../reference/reference-reader.ts'
import {
  seedAssociate,
  seedCategory,
  seedTicketRow,
  ticketChange,
} from '../test/notifications/seed.ts'
import { openTestCore } from '../test/notifications/test-core.ts'
import { temporaryDatabase } from '../test/temp-database.ts'
import { createNotificationsModule } from './notifications-module.ts'
import type { OutboxRow } from './outbox-queries.ts'

const databases = [
  ['SQLite', async () => ':memory:'],
  ['PostgreSQL', () => temporaryDatabase('pg')],
] as const

describe.each(databases)('outbox planning on %s', { timeout: 30_000 }, (_name, database) => {
  async function setup(env: Record<string, string> = { SMTP_URL: 'smtp://127.0.0.1:1' }) {
    const core = await openTestCore(await database(), {
      TICKET_PUBLIC_URL: 'https://desk.example.test/',
      ...env,
    })
    const module = createNotificationsModule(core)
    const { store } = core
    const plan = (change: ReturnType<typeof ticketChange>) =>
      store.transaction(
        (tx) => module.inTransaction?.(tx, change, createReferenceReader(tx)) ?? Promise.resolve()
      )
    const outbox = (): Promise<OutboxRow[]> =>
      store.db
        .select()
        .from(tablesOf(store.db).notificationOutbox)
        .orderBy(asc(tablesOf(store.db).notificationOutbox.deliveryId))
    return { core, store, plan, outbox }
  }

  test('one row per recipient and channel, with the frozen payload and a stable Message-ID', async () => {
    const { store, plan, outbox } = await setup()
    const actor = await seedAssociate(store, { name: 'Actor' })
    const anna = await seedAssociate(store, { name: 'Anna', language: 'NO' })
    const ticketId = await seedTicketRow(store, 'Printer on fire', 1)
    const at = '2026-01-02T03:04:05.678Z'
    await plan(
      ticketChange({
        after: {
          id: ticketId,
          title: 'Printer on fire',
          ownerId: anna,
          ownerName: 'Anna Tester',
          categoryId: 9,
          categoryName: 'Hardware',
          priorityName: 'High',
        },
        actorId: actor,
        at,
      })
    )
    const rows = await outbox()
    expect(rows.map((r) => [r.channel, r.recipientAssociateId, r.event, r.status])).toEqual([
      ['inapp', anna, 'NewTicket', 'pending'],
      ['email', anna, 'NewTicket', 'pending'],
    ])
    const eventKey = `ticket:${ticketId}:rev:1@${at}`
    const [inapp, email] = rows
    expect(inapp?.dedupeKey).toBe(`${eventKey}:inapp:a:${anna}`)
    expect(email?.dedupeKey).toBe(`${eventKey}:email:a:${anna}`)
    expect(email?.address).toBe('anna@example.test')
    expect(email?.messageId).toMatch(
      new RegExp(`^<ticket-${ticketId}-[0-9a-f]{24}@ticket\\.local>$`)
    )
    expect(inapp?.messageId).toBeNull()
    expect(email).toMatchObject({
      language: 'NO',
      recipient: 'Anna Tester',
      tries: 0,
      createdAt: at,
      nextAttemptAt: at,
      payload: {
        ticketId,
        title: 'Printer on fire',
        categoryName: 'Hardware',
        priorityName: 'High',
        ownerName: 'Anna Tester',
        actorName: 'Actor Tester',
        link: `https://desk.example.test/api/v1/Ticket/${ticketId}`,
      },
    })
  })

  test('planning the same change twice writes nothing new', async () => {
    const { store, plan, outbox } = await setup()
    const actor = await seedAssociate(store, { name: 'Actor' })
    const anna = await seedAssociate(store, { name: 'Anna' })
    const change = ticketChange({ after: { id: 5, ownerId: anna }, actorId: actor })
    await plan(change)
    await plan(change)
    expect(await outbox()).toHaveLength(2)
    await plan({ ...change, at: new Date(Date.parse(change.at) + 1).toISOString() })
    expect(await outbox()).toHaveLength(4)
  })

  test.each([
    ['both', ['inapp', 'email']],
    ['inapp', ['inapp']],
    ['email', ['email']],
    ['none', []],
  ] as const)('preference %s → channels %j', async (channel, expected) => {
    const { store, plan, outbox } = await setup()
    const actor = await seedAssociate(store, { name: 'Actor' })
    const anna = await seedAssociate(store, {
      name: 'Anna',
      preferences: { NewTicket: channel, TicketActivated: 'none' },
    })
    await plan(ticketChange({ after: { id: 5, ownerId: anna }, actorId: actor }))
    expect((await outbox()).map((r) => r.channel)).toEqual(expected)
  })

  test('email with SMTP off is recorded skipped; no address is skipped too', async () => {
    const { store, plan, outbox } = await setup({})
    const actor = await seedAssociate(store, { name: 'Actor' })
    const anna = await seedAssociate(store, { name: 'Anna' })
    await plan(ticketChange({ after: { id: 5, ownerId: anna }, actorId: actor }))
    expect(
      (await outbox()).map((r) => [r.channel, r.status, r.lastError, r.nextAttemptAt])
    ).toEqual([
      ['inapp', 'pending', null, expect.any(String)],
      ['email', 'skipped', 'email is off: SMTP_URL is not set', null],
    ])
    const on = await setup()
    const actor2 = await seedAssociate(on.store, { name: 'Actor' })
    const mute = await seedAssociate(on.store, { name: 'Mute', email: '' })
    await on.plan(ticketChange({ after: { id: 6, ownerId: mute }, actorId: actor2 }))
    expect((await on.outbox()).map((r) => [r.channel, r.status, r.lastError])).toEqual([
      ['inapp', 'pending', null],
      ['email', 'skipped', 'the associate has no email address'],
    ])
  })

  test('category members and NotificationEmail, never the actor, one row set per person', async () => {
    const { store, plan, outbox } = await setup()
    const actor = await seedAssociate(store, { name: 'Actor', email: 'actor@example.test' })
    const bob = await seedAssociate(store, {
      name: 'Bob',
      preferences: { CategoryNewTicket: 'inapp' },
    })
    const gone = await seedAssociate(store, { name: 'Gone', deleted: true })
    const members = await seedCategory(store, {
      name: 'Hardware',
      flags: 'ListInMain, NotifyMembers',
      members: [actor, bob, gone],
    })
    await plan(ticketChange({ after: { id: 7, categoryId: members }, actorId: actor }))
    expect((await outbox()).map((r) => [r.recipientAssociateId, r.event, r.channel])).toEqual([
      [bob, 'CategoryNewTicket', 'inapp'],
    ])

    const desk = await seedCategory(store, {
      name: 'Desk',
      notificationEmail: 'desk@example.test, BOB@example.test, actor@example.test',
    })
    await plan(
      ticketChange({ after: { id: 8, categoryId: desk, categoryName: 'Desk' }, actorId: actor })
    )
    const rows = (await outbox()).filter((r) => r.ticketId === 8)
    expect(rows.map((r) => [r.event, r.channel, r.address, r.recipient, r.language])).toEqual([
      ['NotificationEmail', 'email', 'desk@example.test', 'desk@example.test', 'US'],
      ['NotificationEmail', 'email', 'BOB@example.test', 'bob@example.test', 'US'],
    ])
    expect(rows[0]?.payload).toMatchObject({ categoryName: 'Desk' })
  })

  test('notify=false writes nothing; a rolled-back save leaves no row', async () => {
    const { store, plan, outbox } = await setup()
    const actor = await seedAssociate(store, { name: 'Actor' })
    const anna = await seedAssociate(store, { name: 'Anna' })
    await plan(ticketChange({ after: { id: 5, ownerId: anna }, actorId: actor, notify: false }))
    expect(await outbox()).toEqual([])
    const module = createNotificationsModule({ ...(await setup()).core, store })
    await expect(
      store.transaction(async (tx) => {
        await module.inTransaction?.(
          tx,
          ticketChange({ after: { id: 5, ownerId: anna }, actorId: actor }),
          createReferenceReader(tx)
        )
        throw new Error('the save failed after planning')
      })
    ).rejects.toThrow('the save failed')
    expect(await outbox()).toEqual([])
  })
})
