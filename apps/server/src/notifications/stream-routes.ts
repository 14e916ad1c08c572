import { type Notification, ops } from '@ticket/schema'
import { and, asc, eq, gt, max } from 'drizzle-orm'
import type { Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { AppEnv } from '../app-env.ts'
import { tablesOf } from '../db/tables-of.ts'
import { route } from '../http/route.ts'
import type { NotificationRouteDeps } from './route-deps.ts'
import { toNotification } from './to-wire.ts'

const BACKLOG_LIMIT = 1000
/** How far below the highest id sent a replay looks for late commits. */
const REPLAY_MARGIN = 500

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
      // One set of ids sent on this stream: the live feed, the Last-Event-ID backlog and a
      // replay after a lost feed may each bring the same notification; it goes out once.
      const sent = new Set<number>()
      let highestSent = 0
      const send = (notification: Notification) => {
        const id = notification.NotificationId
        if (sent.has(id)) {
          return
        }
        sent.add(id)
        highestSent = Math.max(highestSent, id)
        if (sent.size > 2 * REPLAY_MARGIN) {
          for (const old of sent) {
            if (old <= highestSent - REPLAY_MARGIN) {
              sent.delete(old)
            }
          }
        }
        // The event id is the client's resume point, so it never goes down: a notification whose
        // transaction committed after a higher id was sent carries the highest id sent. Resuming
        // from the id itself would send that higher notification a second time.
        const resumeFrom = String(highestSent)
        enqueue(() =>
          stream.writeSSE({
            event: 'notification',
            id: resumeFrom,
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
      // Nothing older than this belongs on the stream: the client's Last-Event-ID, else the
      // newest notification when it connected.
      let floor = lastEventId ?? 0
      // The feed lost messages (its connection came back): re-read recent rows. Ids are taken
      // at insert and commits may land out of order, so the replay reaches back a margin below
      // the highest id sent; the `sent` set drops what already went out.
      const replay = () =>
        void backlogAfter(Math.max(floor, highestSent - REPLAY_MARGIN)).catch(() => finish())
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
        floor = newest?.id ?? 0
      } else {
        await backlogAfter(lastEventId)
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
