import type { Notification } from '@ticket/schema'
import { eq } from 'drizzle-orm'
import type { Db, Store } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import type { LiveHub } from './live-hub.ts'
import { toNotification } from './to-wire.ts'

/** PostgreSQL refuses NOTIFY payloads from 8000 bytes; a larger notification is sent by id. */
const FULL_PAYLOAD_LIMIT = 7_000

type Message = Notification | Pick<Notification, 'NotificationId' | 'AssociateId'>

/**
 * Announces a committed in-app notification to every process (through the store's change feed,
 * so it goes out only if `tx` commits). Returns what to run after the commit.
 */
export function stageNotification(
  store: Pick<Store, 'changes'>,
  tx: Db,
  notification: Notification
): Promise<() => void> {
  const full = JSON.stringify(notification)
  const message: string =
    Buffer.byteLength(full) <= FULL_PAYLOAD_LIMIT
      ? full
      : JSON.stringify({
          NotificationId: notification.NotificationId,
          AssociateId: notification.AssociateId,
        } satisfies Message)
  return store.changes.stage(tx, 'notification', message)
}

/**
 * Feeds this process's live streams from the change feed: every committed in-app notification,
 * whichever process wrote it, reaches the streams of its associate here, in the order announced.
 * When the feed may have lost messages (its connection came back), the streams replay from the
 * table. Returns the unsubscribe function.
 */
export function relayNotifications(
  store: Pick<Store, 'changes' | 'db' | 'reader'>,
  hub: LiveHub,
  onError: (error: unknown) => void
): () => void {
  const n = tablesOf(store.db).notifications
  let queue = Promise.resolve()
  const unsubscribe = store.changes.subscribe('notification', (detail) => {
    const message = JSON.parse(detail) as Message
    if (hub.subscriberCount(message.AssociateId) === 0) {
      return
    }
    queue = queue
      .then(async () => {
        if ('Title' in message) {
          hub.publish(message)
          return
        }
        const [row] = await store.reader
          .select()
          .from(n)
          .where(eq(n.notificationId, message.NotificationId))
        if (row) {
          hub.publish(toNotification(row))
        }
      })
      .catch(onError)
  })
  const stopResync = store.changes.onResync(() => hub.resync())
  return () => {
    unsubscribe()
    stopResync()
  }
}
