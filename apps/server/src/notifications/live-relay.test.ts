import pg from 'pg'
import { describe, expect, test } from 'vitest'
import { LISTENER_NAME } from '../db/change-feed.ts'
import { createTestApp } from '../test/harness.ts'
import { listen } from '../test/listen.ts'
import { notificationsApp } from '../test/notifications/app.ts'
import { openSse } from '../test/notifications/sse-client.ts'
import { basicHeader, call } from '../test/requests.ts'
import { temporaryDatabase } from '../test/temp-database.ts'

// Two apps on one PostgreSQL database, each with its own pool and listening connection: what
// one writes, the other's streams hear. Real separate processes are exercised by the fleet test.
describe('live notifications across servers on one PostgreSQL database', {
  timeout: 60_000,
}, () => {
  test('a stream on one server hears saves through the other, once each, and replays after a lost feed', async () => {
    const url = await temporaryDatabase('pg')
    const writer = await notificationsApp({ database: url })
    const reader = await createTestApp({ database: url })
    const { baseUrl } = await listen(reader.app)
    const stream = await openSse(`${baseUrl}/api/v1/Notification/Stream`, {
      authorization: basicHeader(writer.anna.auth),
    })
    expect(stream.status).toBe(200)

    const ids: number[] = []
    for (const title of ['one', 'two', 'three']) {
      const saved = await call(writer.app, 'POST', '/api/v1/Ticket?notify=true', {
        Title: title,
        OwnedBy: { AssociateId: writer.anna.id },
      })
      expect(saved.status, saved.text).toBe(200)
      ids.push(saved.body.TicketId)
    }
    const events = await stream.next(3)
    expect(events.map((e) => JSON.parse(e.data).TicketId).sort()).toEqual([...ids].sort())

    // Commit a notification nobody announces, then cut every listening connection: only the
    // replay after the feed reconnects can bring it to the stream. (In this order, not the
    // other: a feed that reconnected and replayed before the insert committed would never see it.)
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    try {
      await admin.query(
        `insert into notifications (associate_id, ticket_id, event, title, body, link, created_at, read_at, dedupe_key)
         values ($1, $2, 'TicketActivated', 'unannounced', '', '', $3, null, 'unannounced')`,
        [writer.anna.id, ids[0], new Date().toISOString()]
      )
      await new Promise((r) => setTimeout(r, 300))
      expect(stream.events).toHaveLength(3)
      await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and datname = current_database()',
        [LISTENER_NAME]
      )
    } finally {
      await admin.end()
    }
    const [, , , replayed] = await stream.next(4)
    expect(JSON.parse(replayed?.data ?? '{}').Title).toBe('unannounced')

    // The feed is back: a later save arrives live, and nothing came twice.
    const later = await call(writer.app, 'POST', '/api/v1/Ticket?notify=true', {
      Title: 'after the reconnect',
      OwnedBy: { AssociateId: writer.anna.id },
    })
    expect(later.status).toBe(200)
    const all = await stream.next(5)
    expect(JSON.parse(all[4]?.data ?? '{}').TicketId).toBe(later.body.TicketId)
    await new Promise((r) => setTimeout(r, 300))
    // Each notification once. The event id is the client's resume point, not the notification's
    // id: it never goes down, and a notification committed after a higher one went out (two
    // deliveries committing out of order under load) repeats the highest id sent.
    const notificationIds = stream.events.map((e) => JSON.parse(e.data).NotificationId)
    expect(new Set(notificationIds).size).toBe(notificationIds.length)
    expect(notificationIds).toHaveLength(5)
    const resumeIds = stream.events.map((e) => Number(e.id))
    expect(resumeIds).toEqual([...resumeIds].sort((a, b) => a - b))
  })
})
