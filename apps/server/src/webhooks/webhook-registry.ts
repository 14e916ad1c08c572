import { eq } from 'drizzle-orm'
import type { Db, Store } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'

export interface ActiveWebhook {
  webhookId: number
  name: string
  events: unknown
}

/**
 * The active webhooks, held in memory so a save runs no query for them (and none at all when no
 * webhook is registered). Reloaded after `invalidate`: the registration routes call it when they
 * commit, and the change feed when another process does (topic `webhooks`) or messages may have
 * been missed.
 */
export interface WebhookRegistry {
  /** Loads through `db` when nothing is held (inside a save: its own transaction's connection). */
  active(db: Db): Promise<ActiveWebhook[]>
  invalidate(): void
  close(): void
}

export function createWebhookRegistry(store: Store): WebhookRegistry {
  let loaded: Promise<ActiveWebhook[]> | undefined
  let version = 0
  const invalidate = () => {
    loaded = undefined
    version++
  }
  const stopListening = store.changes.subscribe('webhooks', invalidate)
  const stopResync = store.changes.onResync(invalidate)
  return {
    active(db) {
      if (!loaded) {
        const started = version
        const t = tablesOf(store.db).webhooks
        const loading = db
          .select({ webhookId: t.webhookId, name: t.name, events: t.events })
          .from(t)
          .where(eq(t.state, 'Active'))
          .then((rows) => rows as ActiveWebhook[])
        loaded = loading
        // A failed load is not kept, nor one that an invalidation overtook.
        const drop = () => {
          if (loaded === loading) {
            loaded = undefined
          }
        }
        loading.then(() => version !== started && drop(), drop)
      }
      return loaded
    },
    invalidate,
    close: () => {
      stopListening()
      stopResync()
    },
  }
}
