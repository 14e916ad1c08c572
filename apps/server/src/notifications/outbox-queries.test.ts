import pg from 'pg'
import { describe, expect, test } from 'vitest'
import { commitChange, outboxRows } from '../test/notifications/commit-change.ts'
import { seedAssociate, ticketChange } from '../test/notifications/seed.ts'
import { openTestCore } from '../test/notifications/test-core.ts'
import { pgStatementsDuring } from '../test/pg-round-trips.ts'
import { temporaryDatabase } from '../test/temp-database.ts'
import { createNotificationsModule } from './notifications-module.ts'
import { claimDue, markDelivered, markFailed } from './outbox-queries.ts'

/** A core on a new PostgreSQL database with `count` pending in-app deliveries, one per ticket. */
async function pgCoreWithDue(count: number) {
  const url = await temporaryDatabase('pg')
  const core = await openTestCore(url)
  const module = createNotificationsModule(core)
  const actor = await seedAssociate(core.store, { name: 'Actor' })
  const anna = await seedAssociate(core.store, { name: 'Anna' })
  for (let id = 1; id <= count; id++) {
    const change = ticketChange({ after: { id, ownerId: anna }, actorId: actor })
    await commitChange(core.store, module, change, { wake: false })
  }
  const due = (await outboxRows(core.store)).filter((r) => r.status === 'pending')
  return { url, core, due }
}

describe('claimDue and markDelivered on PostgreSQL, statements sent', () => {
  test('a claim takes its rows in one statement, and their outcomes take one', async () => {
    const { url, core, due } = await pgCoreWithDue(5)
    const now = new Date(Date.now() + 1_000)
    let claimed: Awaited<ReturnType<typeof claimDue>> = []
    // BEGIN, the UPDATE that picks and leases the rows, COMMIT.
    expect(
      await pgStatementsDuring(url, async () => {
        claimed = await claimDue(core.store, now, 60_000, 10)
      })
    ).toBe(3)
    expect(claimed.map((r) => r.deliveryId)).toEqual(due.map((r) => r.deliveryId))
    expect(
      await pgStatementsDuring(url, () =>
        core.store.transaction((tx) => markDelivered(tx, claimed, now))
      )
    ).toBe(3)
    const ids = new Set(due.map((r) => r.deliveryId))
    const after = (await outboxRows(core.store)).filter((r) => ids.has(r.deliveryId))
    expect(after.map((r) => [r.status, r.tries])).toEqual(due.map(() => ['delivered', 1]))
  })

  test('a claim passes over rows another transaction holds locked, without waiting', async () => {
    const { url, core, due } = await pgCoreWithDue(6)
    const holder = new pg.Client({ connectionString: url })
    await holder.connect()
    try {
      const held = due.slice(0, 3).map((r) => r.deliveryId)
      await holder.query('begin')
      await holder.query(
        'select delivery_id from notification_outbox where delivery_id = any($1) for update',
        [held]
      )
      const claim = claimDue(core.store, new Date(Date.now() + 1_000), 60_000, 10)
      const waited = new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 3_000))
      const claimed = await Promise.race([claim, waited])
      expect(claimed === 'waited' ? claimed : claimed.map((r) => r.deliveryId)).toEqual(
        due.slice(3).map((r) => r.deliveryId)
      )
      await holder.query('rollback')
      await claim
    } finally {
      await holder.end()
    }
  })
})

describe('claimDue on PostgreSQL, two connections pools racing', () => {
  test('every due row is claimed by exactly one of them', { timeout: 30_000 }, async () => {
    const url = await temporaryDatabase('pg')
    const a = await openTestCore(url)
    const b = await openTestCore(url)
    const module = createNotificationsModule(a)
    const actor = await seedAssociate(a.store, { name: 'Actor' })
    const anna = await seedAssociate(a.store, { name: 'Anna' })
    for (let id = 1; id <= 40; id++) {
      const change = ticketChange({ after: { id, ownerId: anna }, actorId: actor })
      await commitChange(a.store, module, change, { wake: false })
    }
    const due = (await outboxRows(a.store)).filter((r) => r.status === 'pending')
    expect(due).toHaveLength(40)
    const now = new Date(Date.now() + 1_000)
    const claimed: number[][] = [[], []]
    for (let round = 0; round < 10; round++) {
      const [fromA, fromB] = await Promise.all([
        claimDue(a.store, now, 60_000, 5),
        claimDue(b.store, now, 60_000, 5),
      ])
      claimed[0]?.push(...fromA.map((r) => r.deliveryId))
      claimed[1]?.push(...fromB.map((r) => r.deliveryId))
    }
    const all = [...(claimed[0] ?? []), ...(claimed[1] ?? [])]
    expect(new Set(all).size).toBe(all.length)
    expect(all.sort((x, y) => x - y)).toEqual(due.map((r) => r.deliveryId))
    // Nothing claimed is due again before its lease runs out.
    expect(await claimDue(a.store, now, 60_000, 100)).toEqual([])
  })
})

describe('markFailed', () => {
  test('schedules within the backoff ceiling, then dead at the last try', async () => {
    const core = await openTestCore(':memory:')
    const module = createNotificationsModule(core)
    const actor = await seedAssociate(core.store, { name: 'Actor' })
    const anna = await seedAssociate(core.store, { name: 'Anna' })
    const change = ticketChange({ after: { id: 1, ownerId: anna }, actorId: actor })
    await commitChange(core.store, module, change, { wake: false })
    const policy = { baseMs: 1_000, capMs: 3_000, maxTries: 3 }
    const now = new Date('2030-01-01T00:00:00.000Z')
    const ceilings = [1_000, 2_000]
    for (const ceiling of ceilings) {
      const [row] = await claimDue(core.store, now, 10, 1)
      expect(row).toBeDefined()
      if (!row) {
        return
      }
      expect(await markFailed(core.store, row, 'boom', policy, now, () => 0.9999)).toBe('pending')
      const [after] = await outboxRows(core.store)
      expect(Date.parse(after?.nextAttemptAt ?? '') - now.getTime()).toBe(ceiling - 1)
      now.setTime(now.getTime() + ceiling)
    }
    const [last] = await claimDue(core.store, now, 10, 1)
    if (!last) {
      throw new Error('the row was not due')
    }
    expect(await markFailed(core.store, last, 'boom', policy, now, () => 0.5)).toBe('dead')
    expect((await outboxRows(core.store))[0]).toMatchObject({
      status: 'dead',
      tries: 3,
      lastError: 'boom',
      nextAttemptAt: null,
    })
  })
})
