import type { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import type { Db, Store } from '../db/store.ts'
import type { Env } from '../env.ts'
import type { Logger } from '../logger.ts'
import type { Catalog } from '../reference/catalog.ts'
import type { ReferenceReader } from '../reference/reference-reader.ts'
import type { TicketChange } from '../tickets/ticket-change.ts'

/** What every part of the service is built from. */
export interface CoreDeps {
  env: Env
  store: Store
  logger: Logger
  /** The service clock; tests may pass a fixed one. */
  now: () => Date
}

/**
 * A feature that hangs off ticket changes (notifications, webhooks): it may add routes, write
 * rows inside the save transaction (outbox), act after commit and run in the background.
 */
export interface ServiceModule {
  name: string
  register?(app: Hono<AppEnv>): void
  /**
   * Runs inside the save transaction; a throw rolls the save back. `reference` is the reference
   * data the change was made with (the catalog's, as the transaction sees it).
   */
  inTransaction?(tx: Db, change: TicketChange, reference: ReferenceReader): Promise<void>
  /** Runs after commit; must not throw (it schedules work). */
  afterCommit?(change: TicketChange): void
  /** Starts background work; `deps` is the running service (for work that changes tickets). */
  start?(deps?: ServiceDeps): void
  /**
   * Ends what never finishes on its own (live streams), so the server can drain its requests;
   * called first on shutdown. Background work goes on until `stop`.
   */
  closeStreams?(): void
  /** Finishes or hands back in-flight work; called once on shutdown. */
  stop?(): Promise<void>
}

export type ServiceModuleFactory = (deps: CoreDeps) => ServiceModule

/** The core with the modules started on it: what the ticket operations run on. */
export interface ServiceDeps extends CoreDeps {
  modules: ServiceModule[]
  /** Reference data in memory: what the ticket operations read carriers and defaults from. */
  catalog: Catalog
}
