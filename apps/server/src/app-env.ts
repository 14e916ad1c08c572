import type { Caller } from './auth/caller.ts'

/** Hono context variables every handler may read. */
export type AppEnv = { Variables: { requestId: string; caller: Caller } }
