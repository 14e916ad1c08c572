import type { TicketEntity } from '@ticket/schema'
import { asc, eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Caller } from '../auth/caller.ts'
import type { Db, PgStore } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { createEscalationModule } from '../escalation/escalation-module.ts'
import { createHistoryModule } from '../history/history-module.ts'
import { createNotificationsModule } from '../notifications/notifications-module.ts'
import { demoRefs } from '../test/demo-refs.ts'
import { createTestApp } from '../test/harness.ts'
import { pgStatementsDuring, pgWritesDuring } from '../test/pg-round-trips.ts'
import { createTestDatabase } from '../test/postgres.ts'
import { referenceSample, sampleCreateIn } from '../test/reference-sample.ts'
import { call } from '../test/requests.ts'
import { createWebhooksModule } from '../webhooks/webhooks-module.ts'
import { saveTicket } from './save-ticket.ts'

const sample = referenceSample()

let database: Awaited<ReturnType<typeof createTestDatabase>>
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(() => database.drop())

// Every module of the service, their background polls pushed out of the way: the count below
// must see the save's own statements only.
const quietModules = [
  createHistoryModule,
  (core: Parameters<typeof createNotificationsModule>[0]) =>
    createNotificationsModule(core, { pollMs: 3_600_000 }),
  (core: Parameters<typeof createWebhooksModule>[0]) =>
    createWebhooksModule(core, { pollMs: 3_600_000 }),
  (core: Parameters<typeof createEscalationModule>[0]) =>
    createEscalationModule(core, { pollMs: 3_600_000 }),
]

async function openApp(now?: () => Date, modules = quietModules) {
  const opened = await createTestApp({
    database: database.url,
    env: { TICKET_DEMO_DATA: '1' },
    modules,
    now,
  })
  return { ...opened, refs: await demoRefs(opened.deps.store) }
}

const pgWrites = (fn: () => Promise<unknown>) => pgWritesDuring(database.url, fn)

describe('a create on PostgreSQL', () => {
  it('takes a stated number of round trips', async () => {
    const { app, refs } = await openApp()
    // The benchmark's body: the reference sample with the demo tenant's ids. Its tag has an id
    // (112) the tenant lacks, and a name.
    const sampleBody = sampleCreateIn(refs)
    const create = async (body: unknown) => {
      const created = await call(app, 'POST', '/api/v1/Ticket', body)
      expect(created.status, created.text).toBe(200)
    }
    // Warm: the catalog loads and statements are prepared on each pooled connection.
    for (let i = 0; i < 12; i++) {
      await create(sampleBody)
    }
    // One round trip: BEGIN, the ticket INSERT (its id from the process's block), the link rows,
    // the history row, the check that tag 112 still does not exist (the tag resolves by its
    // name, which the catalog knows), and COMMIT. The sign-in throttle reads nothing: the
    // caller's keys never failed, which this process knows from memory.
    expect(await pgWrites(() => create(sampleBody))).toBe(1)
    // Tags the catalog holds need no check.
    const knownTags = { ...sampleBody, Tags: [{ Name: sample.Tags[0].Name }] }
    expect(await pgWrites(() => create(knownTags))).toBe(1)
    // Three statements: BEGIN, one holding the tag check, the ticket row, the tag and person
    // links and the history row, and COMMIT.
    expect(await pgStatementsDuring(database.url, () => create(sampleBody))).toBe(3)
    expect(await pgStatementsDuring(database.url, () => create(knownTags))).toBe(3)
  })

  it('with notify=true takes a stated number of round trips', async () => {
    // The notification rules plan their outbox rows in the save; the dispatcher that would
    // deliver them after it does not start, so the count sees the save alone.
    const planningOnly = (core: Parameters<typeof createNotificationsModule>[0]) => ({
      ...createNotificationsModule(core, { pollMs: 3_600_000 }),
      start: undefined,
    })
    const [history, , ...others] = quietModules
    const { app, refs } = await openApp(undefined, [
      history ?? createHistoryModule,
      planningOnly,
      ...others,
    ])
    const sampleBody = sampleCreateIn(refs)
    const notifying = async () => {
      const created = await call(app, 'POST', '/api/v1/Ticket?notify=true', sampleBody)
      expect(created.status, created.text).toBe(200)
    }
    for (let i = 0; i < 12; i++) {
      await notifying()
    }
    // One, as without notify=true: the recipients' contacts (their preferences pick the
    // channels) come from the catalog, so the outbox rows go with the save's statements and
    // COMMIT.
    expect(await pgWrites(notifying)).toBe(1)
  })

  it('draws ticket ids in blocks: unique across processes, increasing within each', async () => {
    const first = await openApp()
    const second = await openApp()
    const createdBy = async (app: typeof first.app, n: number) => {
      const ids: number[] = []
      for (let i = 0; i < n; i++) {
        const created = await call(app, 'POST', '/api/v1/Ticket', { Title: `block ${i}` })
        expect(created.status, created.text).toBe(200)
        ids.push((created.body as { TicketId: number }).TicketId)
      }
      return ids
    }
    // More than one block each, drawn alternately by the two pools.
    const [a, b] = await Promise.all([createdBy(first.app, 40), createdBy(second.app, 40)])
    for (const ids of [a, b]) {
      expect(ids).toEqual([...ids].sort((x, y) => x - y))
    }
    const all = [...a, ...b]
    expect(new Set(all).size).toBe(all.length)
    const t = tablesOf(first.deps.store.db)
    const stored = await first.deps.store.db
      .select({ id: t.tickets.ticketId, title: t.tickets.title })
      .from(t.tickets)
      .where(inArray(t.tickets.ticketId, all))
    expect(stored).toHaveLength(80)
    // A save that fails its checks uses up no id.
    const before = (await createdBy(first.app, 1))[0] ?? 0
    const refused = await call(first.app, 'POST', '/api/v1/Ticket', { Title: '' })
    expect(refused.status).toBe(400)
    expect((await createdBy(first.app, 1))[0]).toBe(before + 1)
  })

  it('finds a tag another process made when the save took its id as absent', async () => {
    const here = await openApp()
    const elsewhere = await openApp()
    // This process's catalog knows the tag "Known here" and is loaded before the other
    // process makes "Made elsewhere", which it therefore does not know.
    const known = await call(here.app, 'POST', '/api/v1/Ticket', {
      Title: 'first',
      Tags: [{ Name: 'Known here' }],
    })
    expect(known.status).toBe(200)
    const made = await call(elsewhere.app, 'POST', '/api/v1/Ticket', {
      Title: 'elsewhere',
      Tags: [{ Name: 'Made elsewhere' }],
    })
    expect(made.status).toBe(200)
    const madeTag = (made.body as TicketEntity).Tags[0]
    const t = tablesOf(here.deps.store.db)
    const tickets = () => here.deps.store.db.$count(t.tickets)
    const before = await tickets()
    // By id first: the id names the other process's tag; the name, a tag this one knows.
    const saved = await call(here.app, 'POST', '/api/v1/Ticket', {
      Title: 'by id',
      Tags: [{ Id: madeTag?.Id, Name: 'Known here' }],
    })
    expect(saved.status, saved.text).toBe(200)
    const ticket = saved.body as TicketEntity
    expect(ticket.Tags).toEqual([madeTag])
    // The first attempt rolled back: one ticket more, linked to that tag.
    expect(await tickets()).toBe(before + 1)
    const links = await here.deps.store.db
      .select({ tagId: t.ticketTags.tagId })
      .from(t.ticketTags)
      .where(eq(t.ticketTags.ticketId, ticket.TicketId))
    expect(links).toEqual([{ tagId: madeTag?.Id }])
  })

  it('stores the same rows as a save through a plain transaction', async () => {
    const at = new Date('2031-05-06T07:08:09.000Z')
    const { deps, refs } = await openApp(() => at)
    const store = deps.store as PgStore
    const admin = refs.associates.find((a) => a.userName === 'admin')
    const caller: Caller = {
      associateId: admin?.associateId ?? 1,
      userName: 'admin',
      fullName: 'Admin',
      isAdmin: true,
      language: 'US',
    }
    const input: Partial<TicketEntity> = {
      Title: 'Twin',
      Person: { PersonId: refs.persons[0]?.personId } as TicketEntity['Person'],
      SecondaryPersons: [
        { PersonId: refs.persons[1]?.personId },
        { PersonId: refs.persons[2]?.personId },
      ] as TicketEntity['SecondaryPersons'],
      Tags: [{ Name: 'twin' }, { Name: 'pair' }] as TicketEntity['Tags'],
      Deadline: '2031-06-01T00:00:00.000Z',
    }
    // One save first creates the tags, so the two compared saves find them alike.
    await saveTicket(deps, caller, { input, notify: false })
    const plain = {
      ...store,
      transaction: <T>(fn: (tx: Db) => Promise<T>) =>
        store.native.db.transaction((tx) => fn(tx as unknown as Db)),
    }
    const old = await saveTicket({ ...deps, store: plain }, caller, { input, notify: false })
    const piped = await saveTicket(deps, caller, { input, notify: false })
    expect({ ...piped, TicketId: 0 }).toEqual({ ...old, TicketId: 0 })
    const rows = await rowsOf(store, [old.TicketId, piped.TicketId])
    expect(rows[piped.TicketId]).toEqual(rows[old.TicketId])
    expect(rows[piped.TicketId]?.tags).toHaveLength(2)
    expect(rows[piped.TicketId]?.persons).toHaveLength(2)
    expect(rows[piped.TicketId]?.history).toHaveLength(1)
  })

  it('keeps nothing when a link row fails after the ticket was written', async () => {
    const { app, deps } = await openApp()
    const t = tablesOf(deps.store.db)
    const first = await call(app, 'POST', '/api/v1/Ticket', {
      Title: 'Tag owner',
      Tags: [{ Name: 'doomed' }],
    })
    expect(first.status).toBe(200)
    // Deleted behind the catalog's back: the next save still links the tag by its old id, and
    // the link row's foreign key fails in the pipelined batch sent with COMMIT.
    await deps.store.db.delete(t.tags).where(eq(t.tags.nameKey, 'doomed'))
    const count = async () => ({
      tickets: await deps.store.db.$count(t.tickets),
      history: await deps.store.db.$count(t.ticketHistory),
    })
    const before = await count()
    const failed = await call(app, 'POST', '/api/v1/Ticket', {
      Title: 'Must not stay',
      Tags: [{ Name: 'doomed' }],
    })
    expect(failed.status).toBe(500)
    expect(await count()).toEqual(before)
    const titles = await deps.store.db.select({ title: t.tickets.title }).from(t.tickets)
    expect(titles.map((r) => r.title)).not.toContain('Must not stay')
    // The failure is the foreign key's, not the aborted transaction the statements behind it saw.
    const error = await saveTicket(
      deps,
      { associateId: 1, userName: 'admin', fullName: 'Admin', isAdmin: true, language: 'US' },
      {
        input: { Title: 'Direct', Tags: [{ Name: 'doomed' }] as TicketEntity['Tags'] },
        notify: false,
      }
    ).catch((e: unknown) => e)
    expect(causeCode(error)).toBe('23503')
    // The connections are fine afterwards.
    const next = await call(app, 'POST', '/api/v1/Ticket', { Title: 'After' })
    expect(next.status).toBe(200)
  })
})

describe('a change to an existing ticket on PostgreSQL', () => {
  it('takes a stated number of round trips', async () => {
    const { app, refs } = await openApp()
    const sampleBody = sampleCreateIn(refs)
    const created = await call(app, 'POST', '/api/v1/Ticket', sampleBody)
    expect(created.status, created.text).toBe(200)
    const id = (created.body as TicketEntity).TicketId
    let n = 0
    const put = async () => {
      n += 1
      const saved = await call(app, 'PUT', `/api/v1/Ticket/${id}`, {
        ...sampleBody,
        TicketId: id,
        Title: `changed ${n}`,
      })
      expect(saved.status, saved.text).toBe(200)
    }
    const message = async () => {
      const saved = await call(app, 'POST', '/api/v1/TicketMessage', {
        TicketId: id,
        Body: `message ${n}`,
      })
      expect(saved.status, saved.text).toBe(200)
    }
    // Warm: statements prepared on each pooled connection, a block of message ids drawn.
    for (let i = 0; i < 12; i++) {
      await put()
      await message()
    }
    // Two round trips each. First BEGIN, the row's lock, its tags, persons (and, for a save,
    // messages) and the row. Then for a PUT the tag check, the UPDATE, the history row and
    // COMMIT; for a new message its INSERT (its id from the process's block), the ticket's
    // UPDATE, the history row and COMMIT.
    expect(await pgWrites(put)).toBe(2)
    expect(await pgWrites(message)).toBe(2)
  })

  it("numbers a ticket's messages in the order they were made, across processes", async () => {
    const first = await openApp()
    const second = await openApp()
    const created = await call(first.app, 'POST', '/api/v1/Ticket', { Title: 'Two writers' })
    expect(created.status, created.text).toBe(200)
    const ticketId = (created.body as TicketEntity).TicketId
    const made: number[] = []
    // Taking turns, as two processes behind one load balancer would.
    for (let i = 0; i < 8; i++) {
      const app = i % 2 === 0 ? first.app : second.app
      const saved = await call(app, 'POST', '/api/v1/TicketMessage', {
        TicketId: ticketId,
        Body: `turn ${i}`,
      })
      expect(saved.status, saved.text).toBe(200)
      made.push((saved.body as { TicketMessageId: number }).TicketMessageId)
    }
    expect(made).toEqual([...made].sort((a, b) => a - b))
    const read = await call(first.app, 'GET', `/api/v1/Ticket/${ticketId}`)
    const listed = (read.body as TicketEntity).Messages.map((m) => m.TicketMessageId)
    expect(listed).toEqual(made)
  })

  it('answers a new message with the message as stored', async () => {
    const { app } = await openApp()
    const created = await call(app, 'POST', '/api/v1/Ticket', { Title: 'With a message' })
    expect(created.status, created.text).toBe(200)
    const saved = await call(app, 'POST', '/api/v1/TicketMessage', {
      TicketId: (created.body as TicketEntity).TicketId,
      Body: 'Hello',
      Important: true,
      MessageHeaders: [{ Value: 'b@example.com', Name: 'To' }],
    })
    expect(saved.status, saved.text).toBe(200)
    const id = (saved.body as { TicketMessageId: number }).TicketMessageId
    expect(id).toBeGreaterThan(0)
    const read = await call(app, 'GET', `/api/v1/TicketMessage/${id}`)
    expect(read.status, read.text).toBe(200)
    expect(saved.body).toEqual(read.body)
  })
})

function causeCode(error: unknown): unknown {
  let current = error as { code?: unknown; cause?: unknown } | undefined
  while (current) {
    if (typeof current.code === 'string' && /^\d{5}$/.test(current.code)) {
      return current.code
    }
    current = current.cause as typeof current
  }
  return undefined
}

async function rowsOf(store: PgStore, ids: number[]) {
  const t = tablesOf(store.db)
  const db = store.db
  const tickets = await db.select().from(t.tickets).where(inArray(t.tickets.ticketId, ids))
  const tags = await db
    .select()
    .from(t.ticketTags)
    .where(inArray(t.ticketTags.ticketId, ids))
    .orderBy(asc(t.ticketTags.position))
  const persons = await db
    .select()
    .from(t.ticketSecondaryPersons)
    .where(inArray(t.ticketSecondaryPersons.ticketId, ids))
    .orderBy(asc(t.ticketSecondaryPersons.position))
  const history = await db
    .select()
    .from(t.ticketHistory)
    .where(inArray(t.ticketHistory.ticketId, ids))
  const result: Record<number, unknown> = {}
  for (const id of ids) {
    const without = <R extends { ticketId: number }>(rows: R[], drop: string[] = []) =>
      rows
        .filter((r) => r.ticketId === id)
        .map((r) =>
          Object.fromEntries(
            Object.entries(r).filter(([k]) => k !== 'ticketId' && !drop.includes(k))
          )
        )
    result[id] = {
      ticket: without(tickets)[0],
      tags: without(tags),
      persons: without(persons),
      // The history names the new ticket's id: the one value the two saves differ in.
      history: without(history, ['historyId']).map((h) => ({
        ...h,
        changes: (h.changes as unknown as { Field: string }[]).filter(
          (c) => c.Field !== 'TicketId'
        ),
      })),
    }
  }
  return result as Record<number, { tags: unknown[]; persons: unknown[]; history: unknown[] }>
}
