import type { AppDeps } from './app-deps.ts'
import { setPasswordCost } from './auth/password.ts'
import { openStore } from './db/store.ts'
import type { Env } from './env.ts'
import type { Logger } from './logger.ts'
import { serviceModules } from './modules/index.ts'
import type { CoreDeps, ServiceModuleFactory } from './modules/service-module.ts'
import { createCatalog } from './reference/catalog.ts'
import { prepareTenant } from './tenant/prepare-tenant.ts'
import { createTicketService } from './tickets/ticket-service.ts'

export interface RunningDeps extends AppDeps {
  /** Stops the modules: closes live streams, flushes their outboxes. Idempotent. */
  stopModules(): Promise<void>
  /** Ends the modules' live streams (so the server can drain) without stopping their work. */
  closeStreams(): void
  /** Stops the modules, then closes the database. Idempotent. */
  shutdown(): Promise<void>
}

/**
 * Opens the database (migrating it), seeds it as the environment asks and starts the modules.
 * `modules` replaces the module list (tests pass modules with fast retry settings); `now`
 * replaces the clock (tests drive time-based fields with it).
 */
export async function bootstrap(
  env: Env,
  logger: Logger,
  options: { modules?: ServiceModuleFactory[]; now?: () => Date } = {}
): Promise<RunningDeps> {
  setPasswordCost(env.TICKET_PASSWORD_COST)
  const store = await openStore(
    env.DATABASE_URL,
    (error) => logger.error('database connection lost; the pool reconnects', { err: error }),
    { poolSize: env.TICKET_PG_POOL_SIZE }
  )
  const core: CoreDeps = { env, store, logger, now: options.now ?? (() => new Date()) }
  try {
    // Processes starting together seed one at a time: the first creates the admin (and the demo
    // tenant), the next find them there.
    await store.exclusive('seed', () => prepareTenant(core))
  } catch (error) {
    await store.close()
    throw error
  }
  const modules = (options.modules ?? serviceModules).map((create) => create(core))
  const catalog = createCatalog(store)
  for (const module of modules) {
    module.start?.({ ...core, modules, catalog })
  }
  let modulesStopped: Promise<void> | undefined
  let closed: Promise<void> | undefined
  const stopModules = () => {
    modulesStopped ??= (async () => {
      for (const module of [...modules].reverse()) {
        await module.stop?.()
      }
      catalog.close()
    })()
    return modulesStopped
  }
  return {
    ...core,
    modules,
    catalog,
    tickets: createTicketService({ ...core, modules, catalog }),
    stopModules,
    closeStreams: () => {
      for (const module of modules) {
        module.closeStreams?.()
      }
    },
    shutdown: () => {
      closed ??= stopModules().then(() => store.close())
      return closed
    },
  }
}
