import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { Store } from '../db/store.ts'
import { serviceModules } from '../modules/index.ts'
import type { ServiceModuleFactory } from '../modules/service-module.ts'
import { createTestApp } from '../test/harness.ts'
import { call } from '../test/requests.ts'
import { type DatabaseKind, temporaryDatabase } from '../test/temp-database.ts'

/**
 * A module that fails right after the save's transaction commits: the moment a process killed
 * there would stop. Whatever the request has not written by then is lost.
 */
function failAfterCommit() {
  const state = { armed: false }
  const module: ServiceModuleFactory = () => ({
    name: 'fail-after-commit',
    afterCommit() {
      if (state.armed) {
        state.armed = false
        throw new Error('the process stops right after the commit')
      }
    },
  })
  return { state, module }
}

async function ticketCount(store: Store) {
  const [row] = await store.db.select({ n: count() }).from(store.tables.tickets)
  return row?.n
}

const routes = [
  { path: '/api/v1/Ticket', body: { Title: 'Printer on fire' } },
  {
    path: '/api/v1/Agents/Ticket/SaveTicketEntityWithNotify',
    body: { NewEntity: { Title: 'Printer on fire' }, Notify: false },
  },
]

describe.each<DatabaseKind>(['file', 'pg'])('an Idempotency-Key answer on %s', (kind) => {
  it.each(routes)(
    'commits with the save of $path: a retry after a failure past the commit saves nothing',
    async ({ path, body }) => {
      const failing = failAfterCommit()
      const { app, deps } = await createTestApp({
        database: kind === 'file' ? 'file' : await temporaryDatabase(kind),
        modules: [...serviceModules, failing.module],
      })
      const headers = { 'idempotency-key': 'crash-1' }
      failing.state.armed = true
      const failed = await call(app, 'POST', path, body, { headers })
      expect(failed.status).toBe(500)
      expect(await ticketCount(deps.store)).toBe(1)

      // The answer is already stored: the key is done, not pending, the moment the ticket commits.
      const keys = await deps.store.db.select().from(deps.store.tables.idempotencyKeys)
      expect(keys.map((k) => k.state)).toEqual(['done'])
      expect(keys[0]?.status).toBe(200)

      const retry = await call(app, 'POST', path, body, { headers })
      expect(retry.status, retry.text).toBe(200)
      expect(retry.headers.get('idempotent-replayed')).toBe('true')
      expect(await ticketCount(deps.store)).toBe(1)
      const [ticket] = await deps.store.db.select().from(deps.store.tables.tickets)
      expect(retry.body.TicketId).toBe(ticket?.ticketId)
    }
  )
})
