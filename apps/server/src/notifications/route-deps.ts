import type { Store } from '../db/store.ts'
import type { LiveHub } from './live-hub.ts'

/** What the notification routes are built from. */
export interface NotificationRouteDeps {
  store: Store
  hub: LiveHub
  now: () => Date
  /** Interval of the keep-alive comment on the live stream. */
  heartbeatMs: number
}
