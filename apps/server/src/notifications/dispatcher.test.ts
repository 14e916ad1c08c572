import { eq } from 'drizzle-orm'
import { describe, expect, test, vi } from 'vitest'
import type { Store } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import {
  commitChange,
  inappCount,
  outboxRows,
  waitForOutbox,
} from '../test/notifications/commit-change.ts'
import { seedAssociate, ticketChange } from '../test/notifications/seed.ts'
import { startSmtpSink } from '../test/notifications/smtp-sink.ts'
import { openTestCore } from '../test/notifications/test-core.ts'
import { freePort } from '../test/server-process.ts'
import { temporaryDatabase } from '../test/temp-database.ts'
import {
  createNotificationsModule,
  type NotificationsModule,
  type NotificationsOptions,
} from './notifications-module.ts'
import type { OutboxRow } from './outbox-queries.ts'

const fast: NotificationsOptions = {
  pollMs: 20,
  retry: { baseMs: 5, capMs: 40, maxTries: 8 },
  smtpTimeoutMs: 2_000,
}

async function setup(env: Record<string, string> = {}, options = fast, database = ':memory:') {
  const core = await openTestCore(database, env)
  const module = createNotificationsModule(core, options)
  const actor = await seedAssociate(core.store, { name: 'Actor' })
  const anna = await seedAssociate(core.store, { name: 'Anna' })
  return { core, store: core.store, module, actor, anna }
}

/** The ids of the notifications `associateId`'s live stream hears, as they arrive. */
function liveIds(module: NotificationsModule, associateId: number): number[] {
  const live: number[] = []
  module.hub.subscribe(
    associateId,
    (n) => live.push(n.NotificationId),
    () => {}
  )
  return live
}

/** Counts the store's transactions from now on. */
function countTransactions(store: Store): () => number {
  let started = 0
  const transaction = store.transaction.bind(store)
  store.transaction = ((fn) => {
    started += 1
    return transaction(fn)
  }) as Store['transaction']
  return () => started
}

describe('dispatcher', { timeout: 30_000 }, () => {
  test('delivers after commit, woken at once: not inside the save, not at the next poll', async () => {
    const { store, module, actor, anna } = await setup({}, { ...fast, pollMs: 60_000 })
    module.start?.()
    // SMTP is off here: the email row is recorded skipped at once; the in-app row waits.
    const change = ticketChange({ after: { id: 1, ownerId: anna }, actorId: actor })
    await commitChange(store, module, change, { wake: false })
    expect((await outboxRows(store)).map((r) => r.status)).toEqual(['pending', 'skipped'])
    expect(await inappCount(store)).toBe(0)
    const started = performance.now()
    module.afterCommit?.(change)
    const [row] = await waitForOutbox(store)
    // Far below the 60 s poll: only the wake explains it (typically a few ms).
    expect(performance.now() - started).toBeLessThan(10_000)
    expect(row).toMatchObject({ status: 'delivered', tries: 1, lastError: null })
    expect(row?.deliveredAt).toMatch(/Z$/)
    expect(await inappCount(store, anna)).toBe(1)
    await module.stop?.()
  })

  test('a retried in-app delivery never shows twice, live or listed', async () => {
    const { store, module, actor, anna } = await setup()
    const live = liveIds(module, anna)
    module.start?.()
    await commitChange(
      store,
      module,
      ticketChange({ after: { id: 1, ownerId: anna }, actorId: actor })
    )
    const [first] = await waitForOutbox(store)
    // A lease that ran out just as the first delivery committed: the row is handed out again.
    const t = tablesOf(store.db).notificationOutbox
    await store.db
      .update(t)
      .set({ status: 'pending', nextAttemptAt: new Date().toISOString() })
      .where(eq(t.deliveryId, first?.deliveryId ?? 0))
    module.afterCommit?.(ticketChange({ after: { id: 1 }, actorId: actor }))
    const [again] = await waitForOutbox(store)
    expect(again?.tries).toBe(2)
    expect(await inappCount(store, anna)).toBe(1)
    expect(live).toHaveLength(1)
    await module.stop?.()
  })

  test('a refusing SMTP server: retries with one Message-ID, then dead after the last try', async () => {
    const sink = await startSmtpSink({ accepting: false })
    const { store, module, actor, anna } = await setup(
      { SMTP_URL: sink.url },
      { ...fast, retry: { baseMs: 1, capMs: 10, maxTries: 3 } }
    )
    await store.db
      .update(tablesOf(store.db).associates)
      .set({ preferences: { NewTicket: 'email' } })
      .where(eq(tablesOf(store.db).associates.associateId, anna))
    module.start?.()
    await commitChange(
      store,
      module,
      ticketChange({ after: { id: 1, ownerId: anna }, actorId: actor })
    )
    const [row] = await waitForOutbox(store)
    expect(row).toMatchObject({ status: 'dead', tries: 3, nextAttemptAt: null })
    expect(row?.lastError).toMatch(/451/)
    expect(sink.attempts).toEqual([row?.messageId, row?.messageId, row?.messageId])
    expect(sink.accepted).toHaveLength(0)
    await module.stop?.()
  })

  test('a dead SMTP server coming back: delivered once, with the Message-ID of every try', async () => {
    const sink = await startSmtpSink({ accepting: false })
    const { store, module, actor, anna } = await setup({ SMTP_URL: sink.url })
    module.start?.()
    await commitChange(
      store,
      module,
      ticketChange({ after: { id: 1, ownerId: anna }, actorId: actor })
    )
    await waitForOutbox(store, (r) => r.channel === 'inapp' || r.tries >= 2)
    sink.accepting = true
    const rows = await waitForOutbox(store, (r) => r.status === 'delivered')
    const email = rows.find((r) => r.channel === 'email')
    expect(sink.accepted).toHaveLength(1)
    expect(sink.accepted[0]?.messageId).toBe(email?.messageId)
    expect(new Set(sink.attempts)).toEqual(new Set([email?.messageId]))
    expect(email?.tries).toBe(sink.attempts.length)
    expect(email?.lastError).toBeNull()
    await module.stop?.()
  })

  test('an unreachable SMTP server: the error is recorded and the delivery stays pending', async () => {
    const { store, module, actor, anna } = await setup(
      { SMTP_URL: `smtp://127.0.0.1:${await freePort()}` },
      { ...fast, retry: { baseMs: 60_000, capMs: 60_000, maxTries: 8 } }
    )
    module.start?.()
    await commitChange(
      store,
      module,
      ticketChange({ after: { id: 1, ownerId: anna }, actorId: actor })
    )
    const rows = await waitForOutbox(store, (r) => r.channel === 'inapp' || r.tries === 1)
    const email = rows.find((r) => r.channel === 'email')
    expect(email).toMatchObject({ status: 'pending', tries: 1 })
    expect(email?.lastError).toMatch(/ECONNREFUSED/)
    expect(Date.parse(email?.nextAttemptAt ?? '')).toBeGreaterThan(Date.now())
    await module.stop?.()
  })

  test('a round of in-app deliveries is recorded in one transaction, each once', async () => {
    const { store, module, actor, anna } = await setup({}, { ...fast, pollMs: 60_000 })
    const live = liveIds(module, anna)
    const ids = [1, 2, 3, 4, 5]
    for (const id of ids) {
      const change = ticketChange({ after: { id, ownerId: anna }, actorId: actor })
      await commitChange(store, module, change, { wake: false })
    }
    // Started only now, so its first round finds all five due.
    const transactions = countTransactions(store)
    module.start?.()
    const rows = await waitForOutbox(store)
    expect(rows.filter((r) => r.channel === 'inapp').map((r) => [r.status, r.tries])).toEqual(
      ids.map(() => ['delivered', 1])
    )
    // The start's release of leases a dead process left, the claim, then the five rows with their
    // outcomes: not one transaction per delivery.
    expect(transactions()).toBe(3)
    expect(await inappCount(store, anna)).toBe(ids.length)
    await vi.waitFor(() => expect(live).toHaveLength(ids.length))
    expect(new Set(live).size).toBe(ids.length)
    await module.stop?.()
  })

  test('a row the round cannot write: the others are delivered, it records its failure', async () => {
    const { store, module, actor, anna } = await setup({}, { ...fast, pollMs: 60_000 })
    for (const id of [1, 2]) {
      const change = ticketChange({ after: { id, ownerId: anna }, actorId: actor })
      await commitChange(store, module, change, { wake: false })
    }
    // An in-app delivery without its associate (written by hand): it cannot become a row.
    const [planned] = await outboxRows(store)
    const t = tablesOf(store.db).notificationOutbox
    const { deliveryId: _id, ...copy } = planned as OutboxRow
    await store.db.insert(t).values({
      ...copy,
      recipientAssociateId: null,
      dedupeKey: `${copy.dedupeKey}:orphan`,
      status: 'pending',
      tries: 0,
      nextAttemptAt: copy.createdAt,
      deliveredAt: null,
    })
    // Started only now, so its first round holds all three.
    module.start?.()
    const rows = await waitForOutbox(store, (r) => r.status !== 'pending' || r.tries > 0)
    const inapp = rows.filter((r) => r.channel === 'inapp')
    expect(inapp.map((r) => [r.status, r.tries])).toEqual([
      ['delivered', 1],
      ['delivered', 1],
      ['pending', 1],
    ])
    expect(inapp[2]?.lastError).toMatch(/needs an associate/)
    expect(await inappCount(store, anna)).toBe(2)
    await module.stop?.()
  })

  test('stop() delivers what is due, then nothing more is sent', async () => {
    const { store, module, actor, anna } = await setup({}, { ...fast, pollMs: 60_000 })
    module.start?.()
    for (const id of [1, 2, 3]) {
      const change = ticketChange({ after: { id, ownerId: anna }, actorId: actor })
      await commitChange(store, module, change, { wake: false })
    }
    await module.stop?.()
    const inapp = async () =>
      (await outboxRows(store)).filter((r) => r.channel === 'inapp').map((r) => r.status)
    expect(await inapp()).toEqual(['delivered', 'delivered', 'delivered'])
    const late = ticketChange({ after: { id: 4, ownerId: anna }, actorId: actor })
    await commitChange(store, module, late)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(await inapp()).toEqual(['delivered', 'delivered', 'delivered', 'pending'])
  })
})

// SQLite is one process with one writer (a second connection in the same process would block the
// event loop on its busy wait); several dispatchers is the PostgreSQL scale-out path.
describe('two dispatchers on one PostgreSQL database', () => {
  test('each delivery is sent exactly once', { timeout: 30_000 }, async () => {
    const sink = await startSmtpSink()
    const location = await temporaryDatabase('pg')
    const env = { SMTP_URL: sink.url }
    const a = await setup(env, { ...fast, batchSize: 3 }, location)
    const other = await openTestCore(location, env)
    const b = createNotificationsModule(other, { ...fast, batchSize: 3 })
    a.module.start?.()
    b.start?.()
    const changes = 24
    for (let id = 1; id <= changes; id++) {
      const change = ticketChange({ after: { id, ownerId: a.anna }, actorId: a.actor })
      await commitChange(a.store, a.module, change)
    }
    const rows = await waitForOutbox(a.store, (r) => r.status === 'delivered', 15_000)
    expect(rows).toHaveLength(changes * 2)
    await sink.waitForAccepted(changes)
    const ids = sink.accepted.map((m) => m.messageId)
    expect(new Set(ids).size).toBe(changes)
    expect(sink.attempts).toHaveLength(changes)
    expect(await inappCount(a.store)).toBe(changes)
    expect(rows.every((r) => r.tries === 1)).toBe(true)
    await Promise.all([a.module.stop?.(), b.stop?.()])
  })
})
