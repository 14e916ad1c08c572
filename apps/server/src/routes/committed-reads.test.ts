import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { tablesOf } from '../db/tables-of.ts'
import { demoRefs } from '../test/demo-refs.ts'
import { createTestApp } from '../test/harness.ts'
import { call } from '../test/requests.ts'

describe('list routes read committed data only (SQLite file: the read connection)', () => {
  it('another request’s open transaction is invisible to the notification log, MDO lists and tokens', async () => {
    const { app, deps } = await createTestApp({ database: 'file', env: { TICKET_DEMO_DATA: '1' } })
    const { store } = deps
    const refs = await demoRefs(store)
    const owner = refs.associates.find((a) => a.userName !== 'admin')?.associateId
    const id = (
      await call(app, 'POST', '/api/v1/Ticket?notify=true', {
        Title: 'log',
        OwnedBy: { AssociateId: owner },
      })
    ).body.TicketId
    expect((await call(app, 'POST', '/api/v1/Token', { Name: 'ci' })).status).toBeLessThan(300)
    const reads = async () => ({
      log: (await call(app, 'GET', `/api/v1/Ticket/${id}/Notifications`)).text,
      categories: (await call(app, 'GET', '/api/v1/MDOList/ejcategory')).text,
      tokens: (await call(app, 'GET', '/api/v1/Token')).text,
    })
    const before = await reads()
    expect(before.log).toContain('NewTicket')

    let release = () => {}
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    let written = () => {}
    const writesDone = new Promise<void>((resolve) => {
      written = resolve
    })
    const open = store.transaction(async (tx) => {
      const t = tablesOf(store.db)
      await tx.delete(t.notificationOutbox)
      await tx.delete(t.apiTokens)
      await tx.update(t.ticketCategories).set({ name: 'half-done' })
      written()
      await held
      throw new Error('rolled back')
    })
    await writesDone
    try {
      expect(await reads()).toEqual(before)
    } finally {
      release()
      await open.catch(() => {})
    }
    const [category] = await store.db
      .select()
      .from(tablesOf(store.db).ticketCategories)
      .where(eq(tablesOf(store.db).ticketCategories.name, 'half-done'))
    expect(category).toBeUndefined()
  })
})
