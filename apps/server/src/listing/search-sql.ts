import type { SQL } from 'drizzle-orm'

/** Full-text search in one dialect: the restriction and the rank (lower is better). */
export interface SearchDialect {
  matches(text: string): SQL
  rank(text: string): SQL
}
