import { describe, expect, test } from 'vitest'
import { createNotificationsModule } from '../notifications/notifications-module.ts'
import { claimDue } from '../notifications/outbox-queries.ts'
import { commitChange } from '../test/notifications/commit-change.ts'
import { seedAssociate, ticketChange } from '../test/notifications/seed.ts'
import { openTestCore } from '../test/notifications/test-core.ts'
import { temporaryDatabase } from '../test/temp-database.ts'
import { whileLeased } from './lease.ts'

describe('short leases renewed while a send runs', () => {
  test('a send outlasting its lease keeps the row: no other sender can claim it meanwhile', async () => {
    const core = await openTestCore(await temporaryDatabase('file'), {})
    const module = createNotificationsModule(core)
    const actor = await seedAssociate(core.store, { name: 'Actor' })
    const anna = await seedAssociate(core.store, { name: 'Anna' })
    await commitChange(
      core.store,
      module,
      ticketChange({ after: { id: 1, ownerId: anna }, actorId: actor })
    )
    const [row] = await claimDue(core.store, new Date(), 150, 10)
    if (!row) {
      throw new Error('nothing claimed')
    }
    const firstLease = row.nextAttemptAt
    const stolen = await whileLeased(
      core.store,
      'notificationOutbox',
      row,
      150,
      () => new Date(),
      async () => {
        const found = []
        // Five lease lengths: without renewal the row would be due again after the first.
        for (let i = 0; i < 5; i++) {
          await new Promise((resolve) => setTimeout(resolve, 150))
          found.push(...(await claimDue(core.store, new Date(), 150, 10)))
        }
        return found
      }
    )
    expect(stolen).toEqual([])
    expect(row.nextAttemptAt).not.toBe(firstLease)
    // After the send the lease is no longer renewed and runs out.
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect((await claimDue(core.store, new Date(), 150, 10)).map((r) => r.deliveryId)).toEqual([
      row.deliveryId,
    ])
    await core.store.close()
  })
})
