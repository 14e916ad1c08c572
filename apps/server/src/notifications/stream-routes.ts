import { type Notification, ops } from '@ticket/schema'
import { and, asc, eq, gt, max } from 'drizzle-orm'
import type { Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { AppEnv } from '../app-env.ts'
import { tablesOf } from '../db/tables-of.ts'
import { route } from '../http/route.ts'
import { parseResumePoint } from './resume-point.ts'
import type { NotificationRouteDeps } from './route-deps.ts'
import { StreamLedger } from './stream-ledger.ts'
import { toNotification } from './to-wire.ts'

const BACKLOG_LIMIT = 1000

export function registerNotificationStreamRoutes(
  app: Hono<AppEnv>,
  { store, hub, heartbeatMs }: NotificationRouteDeps
) {
  const n = tablesOf(store.db).notifications

  route(app, ops.NotificationStream, (c, { headers }) => {
    const { associateId } = c.get('caller')
    const lastEventId = headers['Last-Event-ID']
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
      const ledger = new StreamLedger(
        lastEventId === undefined ? undefined : parseResumePoint(lastEventId)
      )
      const send = (notification: Notification) => {
        const eventId = ledger.take(notification.NotificationId)
        if (eventId === undefined) {
          return
        }
        enqueue(() =>
          stream.writeSSE({
            event: 'notification',
            id: eventId,
            data: JSON.stringify(notification),
          })
        )
      }
      const backlogAfter = async (afterId: number) => {
        const rows = await store.reader
          .select()
          .from(n)
          .where(and(eq(n.associateId, associateId), gt(n.notificationId, afterId)))
          .orderBy(asc(n.notificationId))
          .limit(BACKLOG_LIMIT)
        for (const row of rows) {
          send(toNotification(row))
        }
      }
      // The feed lost messages (its connection came back): re-read recent rows. Ids are taken
      // at insert and commits may land out of order, so the replay reaches back the resume
      // window below the highest id sent; the ledger drops what already went out.
      const replay = () => void backlogAfter(ledger.replayAfter).catch(() => finish())
      // Subscribe before reading the backlog, so nothing committed in between is missed; what
      // arrives meanwhile waits, so ids go out in order and the client's Last-Event-ID holds.
      let held: Notification[] | undefined = []
      const live = (notification: Notification) =>
        held ? held.push(notification) : send(notification)
      const unsubscribe = hub.subscribe(associateId, live, finish, replay)
      stream.onAbort(finish)
      enqueue(() => stream.write(': connected\n\n'))
      if (lastEventId === undefined) {
        const [newest] = await store.reader
          .select({ id: max(n.notificationId) })
          .from(n)
          .where(eq(n.associateId, associateId))
        ledger.startAt(newest?.id ?? 0)
      } else {
        await backlogAfter(ledger.backlogAfter)
      }
      for (const notification of held) {
        send(notification)
      }
      held = undefined
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
