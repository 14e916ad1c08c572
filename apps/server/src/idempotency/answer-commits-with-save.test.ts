import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { Store } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
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

type Counted = 'tickets' | 'ticketMessages'

async function rowCount(store: Store, table: Counted) {
  const [row] = await store.db.select({ n: count() }).from(tablesOf(store.db)[table])
  return row?.n
}

const ticket = { Title: 'Printer on fire' }
const message = (TicketId: number) => ({ TicketId, Body: 'It is still burning.' })
const saves: { path: string; counted: Counted; body: (ticketId: number) => unknown }[] = [
  { path: '/api/v1/Ticket', counted: 'tickets', body: () => ticket },
  {
    path: '/api/v1/Agents/Ticket/SaveTicketEntityWithNotify',
    counted: 'tickets',
    body: () => ({ NewEntity: ticket, Notify: false }),
  },
  { path: '/api/v1/TicketMessage', counted: 'ticketMessages', body: message },
  {
    path: '/api/v1/Agents/Ticket/SaveTicketMessageEntityWithNotify',
    counted: 'ticketMessages',
    body: (id) => ({ NewEntity: message(id), Notify: false }),
  },
]

describe.each<DatabaseKind>(['file', 'pg'])('an Idempotency-Key answer on %s', (kind) => {
  it.each(saves)(
    'commits with the save of $path: a retry after a failure past the commit saves nothing',
    async ({ path, counted, body: bodyFor }) => {
      const failing = failAfterCommit()
      const { app, deps } = await createTestApp({
        database: kind === 'file' ? 'file' : await temporaryDatabase(kind),
        modules: [...serviceModules, failing.module],
      })
      // The ticket a message is added to.
      const existing = await call(app, 'POST', '/api/v1/Ticket', ticket)
      const body = bodyFor(existing.body.TicketId)
      const before = await rowCount(deps.store, counted)
      const headers = { 'idempotency-key': 'crash-1' }
      failing.state.armed = true
      const failed = await call(app, 'POST', path, body, { headers })
      expect(failed.status).toBe(500)
      expect(await rowCount(deps.store, counted)).toBe((before ?? 0) + 1)

      // The answer is already stored: the key is done, not pending, the moment the save commits.
      const keys = await deps.store.db.select().from(tablesOf(deps.store.db).idempotencyKeys)
      expect(keys.map((k) => k.state)).toEqual(['done'])
      expect(keys[0]?.status).toBe(200)

      const retry = await call(app, 'POST', path, body, { headers })
      expect(retry.status, retry.text).toBe(200)
      expect(retry.headers.get('idempotent-replayed')).toBe('true')
      expect(await rowCount(deps.store, counted)).toBe((before ?? 0) + 1)
      // The replay names the row the failed request wrote: the newest one.
      const written = await deps.store.db.select().from(tablesOf(deps.store.db)[counted])
      const ids = written.map((row) =>
        'ticketMessageId' in row ? row.ticketMessageId : row.ticketId
      )
      const replayedId = counted === 'tickets' ? retry.body.TicketId : retry.body.TicketMessageId
      expect(replayedId).toBe(Math.max(...ids))
    }
  )
})
