import type { Notification } from '@ticket/schema'
import { StreamHeaders } from '@ticket/schema'
import { and, asc, eq, gt } from 'drizzle-orm'
import type { Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { AppEnv } from '../app-env.ts'
import { compileParamsParser } from '../http/parse-input.ts'
import { toNotification } from '../notifications/to-wire.ts'
import type { NotificationRouteDeps } from './notifications.ts'

const parseHeaders = compileParamsParser(StreamHeaders, 'headers')
const BACKLOG_LIMIT = 1000

export function registerNotificationStreamRoutes(
  app: Hono<AppEnv>,
  { store, hub, heartbeatMs }: NotificationRouteDeps
) {
  const n = store.tables.notifications

  app.get('/api/v1/Notification/Stream', (c) => {
    const { associateId } = c.get('caller')
    const header = c.req.header('last-event-id')
    const lastEventId = parseHeaders(header === undefined ? {} : { 'Last-Event-ID': header })[
      'Last-Event-ID'
    ]
    return streamSSE(c, async (stream) => {
      let finish = () => {}
      const finished = new Promise<void>((resolve) => {
        finish = resolve
      })
      // Writes are chained so events never interleave; a failed write means the client left.
      let writing = Promise.resolve()
      const enqueue = (write: () => Promise<unknown>) => {
        writing = writing.then(write).then(
          () => {},
          () => finish()
        )
      }
      const sentFromBacklog = new Set<number>()
      const send = (notification: Notification) =>
        enqueue(() =>
          stream.writeSSE({
            event: 'notification',
            id: String(notification.NotificationId),
            data: JSON.stringify(notification),
          })
        )
      // Subscribe before reading the backlog, so nothing committed in between is missed.
      const unsubscribe = hub.subscribe(
        associateId,
        (notification) => {
          if (!sentFromBacklog.has(notification.NotificationId)) {
            send(notification)
          }
        },
        finish
      )
      stream.onAbort(finish)
      enqueue(() => stream.write(': connected\n\n'))
      if (lastEventId !== undefined) {
        const backlog = await store.db
          .select()
          .from(n)
          .where(and(eq(n.associateId, associateId), gt(n.notificationId, lastEventId)))
          .orderBy(asc(n.notificationId))
          .limit(BACKLOG_LIMIT)
        for (const row of backlog) {
          sentFromBacklog.add(row.notificationId)
          send(toNotification(row))
        }
      }
      const heartbeat = setInterval(
        () => enqueue(() => stream.write(': heartbeat\n\n')),
        heartbeatMs
      )
      await finished
      clearInterval(heartbeat)
      unsubscribe()
      await writing
    })
  })
}
