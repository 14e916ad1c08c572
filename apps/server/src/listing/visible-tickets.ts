import { sql } from 'drizzle-orm'
import { T } from './archive-columns.ts'

/**
 * The tickets a caller may list: the same ones a single read returns (every associate reads
 * every live ticket; deleted tickets are gone for everybody).
 */
export const visibleTickets = () => sql`${T}.${sql.identifier('deleted_at')} is null`
