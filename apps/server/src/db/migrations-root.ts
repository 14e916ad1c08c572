import { join } from 'node:path'
import { serverRoot } from '../server-root.ts'

/** Each dialect's migrations live in a folder of its own name under this one. */
export const migrationsRoot = join(serverRoot, 'drizzle')
