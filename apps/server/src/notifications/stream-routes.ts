import { type Notification, ops } from '@ticket/schema'
import { and, asc, eq, gt, max } from 'drizzle-orm'
import type { Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { AppEnv } from '../app-env.ts'
import { tablesOf } from '../db/tables-of.ts'
import { route } from '../http/route.ts'
import {
  formatResumePoint,
  parseResumePoint,
  RESUME_WINDOW,
  resumePointOf,
} from './resume-point.ts'
import type { NotificationRouteDeps } from './route-deps.ts'
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
      // What this stream owes its client. A resumed stream: nothing up to its resume point's
      // floor, nor the ids above it the point names. A new stream: nothing that existed when it
      // connected, up to the newest notification then (`start`); a notification that commits
      // later is owed whatever its id. Above `low` (which only rises, over ids sent or given
      // up), `covered` holds the ids sent; below `start`, `sentBelowStart` those a new stream
      // sent. The live feed, the backlog and a replay after a lost feed may each bring the same
      // notification; it goes out once.
      const resumedFrom = lastEventId === undefined ? undefined : parseResumePoint(lastEventId)
      let start = resumedFrom?.low ?? 0
      let low = start
      const covered = new Set<number>(resumedFrom?.above)
      const sentBelowStart = new Set<number>()
      let highestSent = Math.max(low, ...covered)
      const owed = (id: number) =>
        id > low
          ? !covered.has(id)
          : resumedFrom === undefined && id <= start && !sentBelowStart.has(id)
      const send = (notification: Notification) => {
        const id = notification.NotificationId
        if (!owed(id)) {
          return
        }
        highestSent = Math.max(highestSent, id)
        if (id <= low) {
          sentBelowStart.add(id)
          if (sentBelowStart.size > RESUME_WINDOW) {
            for (const old of sentBelowStart) {
              if (old <= highestSent - RESUME_WINDOW) {
                sentBelowStart.delete(old)
              }
            }
          }
        } else {
          covered.add(id)
        }
        // The event id is the client's resume point (see resume-point.ts): a notification that
        // commits after a higher one went out is still owed on resume, and none goes twice.
        const resumeFrom = resumePointOf(low, covered)
        if (resumeFrom.low > low) {
          low = resumeFrom.low
          for (const old of covered) {
            if (old <= low) {
              covered.delete(old)
            }
          }
        }
        const eventId = formatResumePoint(resumeFrom)
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
      // window below the highest id sent; the `sent` set drops what already went out.
      const replay = () =>
        void backlogAfter(Math.max(low, highestSent - RESUME_WINDOW)).catch(() => finish())
      // Subscribe before reading the backlog, so nothing committed in between is missed; what
      // arrives meanwhile waits, so ids go out in order and the client's Last-Event-ID holds.
      let held: Notification[] | undefined = []
      const live = (notification: Notification) =>
        held ? held.push(notification) : send(notification)
      const unsubscribe = hub.subscribe(associateId, live, finish, replay)
      stream.onAbort(finish)
      enqueue(() => stream.write(': connected\n\n'))
      if (resumedFrom === undefined) {
        const [newest] = await store.reader
          .select({ id: max(n.notificationId) })
          .from(n)
          .where(eq(n.associateId, associateId))
        start = newest?.id ?? 0
        low = start
        highestSent = start
      } else {
        await backlogAfter(low)
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
