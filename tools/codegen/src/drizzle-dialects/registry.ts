import type { DrizzleDialect } from './dialect'
import { pg } from './pg'
import { sqlite } from './sqlite'

/** Every dialect a Drizzle schema is emitted for: one module each. */
export const dialects = { sqlite, pg } satisfies Record<string, DrizzleDialect>

export type Dialect = keyof typeof dialects
