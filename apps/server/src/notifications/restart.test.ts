import { describe, expect, test } from 'vitest'
import {
  commitChange,
  inappCount,
  outboxRows,
  waitForOutbox,
} from '../test/notifications/commit-change.ts'
import { seedAssociate, ticketChange } from '../test/notifications/seed.ts'
import { startSmtpSink } from '../test/notifications/smtp-sink.ts'
import { openTestCore } from '../test/notifications/test-core.ts'
import { temporaryDatabase } from '../test/temp-database.ts'
import { createNotificationsModule, type NotificationsOptions } from './notifications-module.ts'
import { claimDue } from './outbox-queries.ts'

const fast: NotificationsOptions = { pollMs: 20, retry: { baseMs: 5, capMs: 40, maxTries: 8 } }

/** Each "process" opens its own store over the same SQLite file. */
async function boot(file: string, env: Record<string, string>, options = fast) {
  const core = await openTestCore(file, env)
  return { core, store: core.store, module: createNotificationsModule(core, options) }
}

describe('restart in the middle of delivery (SQLite file)', { timeout: 30_000 }, () => {
  test('stopped with a retry pending: the next process delivers it exactly once', async () => {
    const sink = await startSmtpSink({ accepting: false })
    const file = await temporaryDatabase('file')
    const env = { SMTP_URL: sink.url }
    // A fixed jitter keeps the retry ~200 ms away, so stop() finds nothing due to flush.
    const first = await boot(file, env, {
      ...fast,
      retry: { baseMs: 200, capMs: 200, maxTries: 8 },
      random: () => 0.999,
    })
    const actor = await seedAssociate(first.store, { name: 'Actor' })
    const anna = await seedAssociate(first.store, { name: 'Anna' })
    first.module.start?.()
    const change = ticketChange({ after: { id: 1, ownerId: anna }, actorId: actor })
    await commitChange(first.store, first.module, change)
    await waitForOutbox(first.store, (r) => r.status === 'delivered' || r.tries === 1)
    await first.module.stop?.()
    const pending = (await outboxRows(first.store)).find((r) => r.channel === 'email')
    expect(pending).toMatchObject({ status: 'pending', tries: 1 })
    await first.store.close()

    sink.accepting = true
    const second = await boot(file, env)
    second.module.start?.()
    const rows = await waitForOutbox(second.store, (r) => r.status === 'delivered')
    expect(rows.map((r) => [r.channel, r.tries])).toEqual([
      ['inapp', 1],
      ['email', 2],
    ])
    await sink.waitForAccepted(1)
    expect(sink.accepted.map((m) => m.messageId)).toEqual([pending?.messageId])
    expect(sink.attempts).toEqual([pending?.messageId, pending?.messageId])
    expect(await inappCount(second.store, anna)).toBe(1)
    await second.module.stop?.()
  })

  test('a crash right after commit: the next process delivers every row once', async () => {
    const sink = await startSmtpSink()
    const file = await temporaryDatabase('file')
    const env = { SMTP_URL: sink.url }
    const first = await boot(file, env)
    const actor = await seedAssociate(first.store, { name: 'Actor' })
    const anna = await seedAssociate(first.store, { name: 'Anna' })
    const bob = await seedAssociate(first.store, { name: 'Bob' })
    // Never started: the process dies with the rows committed and nothing sent.
    for (const [id, owner] of [
      [1, anna],
      [2, bob],
    ] as const) {
      const change = ticketChange({ after: { id, ownerId: owner }, actorId: actor })
      await commitChange(first.store, first.module, change)
    }
    await first.store.close()

    const second = await boot(file, env)
    second.module.start?.()
    const rows = await waitForOutbox(second.store)
    expect(rows.map((r) => r.status)).toEqual(['delivered', 'delivered', 'delivered', 'delivered'])
    await sink.waitForAccepted(2)
    expect(sink.attempts).toHaveLength(2)
    expect(await inappCount(second.store)).toBe(2)
    await second.module.stop?.()
  })

  test('a crash mid-send: the next process releases the dead claim at start and delivers once', async () => {
    const file = await temporaryDatabase('file')
    const first = await boot(file, {})
    const actor = await seedAssociate(first.store, { name: 'Actor' })
    const anna = await seedAssociate(first.store, { name: 'Anna' })
    const change = ticketChange({ after: { id: 1, ownerId: anna }, actorId: actor })
    await commitChange(first.store, first.module, change)
    // The first process claims the row for an hour and dies before sending.
    const claimed = await claimDue(first.store, new Date(), 3_600_000, 10)
    expect(claimed.map((r) => r.channel)).toEqual(['inapp'])
    await first.store.close()

    // One process owns an SQLite file, so the hour-long lease is not waited out.
    const second = await boot(file, {})
    second.module.start?.()
    const rows = await waitForOutbox(
      second.store,
      (r) => r.channel === 'email' || r.status === 'delivered'
    )
    expect(rows.find((r) => r.channel === 'inapp')?.tries).toBe(1)
    expect(await inappCount(second.store, anna)).toBe(1)
    await second.module.stop?.()
  })
})
