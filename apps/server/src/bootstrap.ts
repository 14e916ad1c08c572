import type { AppDeps } from './app.ts'
import { openStore } from './db/store.ts'
import type { Env } from './env.ts'
import type { Logger } from './logger.ts'

export interface RunningDeps extends AppDeps {
  /** Flushes background work and closes the database. */
  shutdown(): Promise<void>
}

/** Opens the database (migrating it) and prepares everything the app needs at start. */
export async function bootstrap(env: Env, logger: Logger): Promise<RunningDeps> {
  const store = await openStore(env.DATABASE_URL)
  return {
    env,
    store,
    logger,
    shutdown: async () => {
      await store.close()
    },
  }
}
