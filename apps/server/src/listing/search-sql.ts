import { type SQL, sql } from 'drizzle-orm'
import type { Store } from '../db/store.ts'
import { type Join, T } from './archive-columns.ts'
import { queryError } from './query-error.ts'

/** Full-text search in one dialect: the join that restricts, and the rank (lower is better). */
export interface SearchDialect {
  join(text: string): Join
  rank(text: string): SQL
}

const S = sql.identifier('s')

const WORD = /[\p{L}\p{N}]+/gu

/** Whether a text has anything to search for. */
export const hasSearchWords = (text: string) => (text.match(WORD) ?? []).length > 0

/** The words of a search: letters and digits; punctuation never reaches the query syntax. */
function wordsOf(text: string): string[] {
  const words = text.match(WORD) ?? []
  if (words.length === 0) {
    throw queryError('$filter', 'search expects at least one word', 'type')
  }
  return words
}

/** Every word must occur (in the title or a message body), as in PostgreSQL's plainto_tsquery. */
const ftsQuery = (text: string) =>
  wordsOf(text)
    .map((w) => `"${w}"`)
    .join(' ')

const sqliteSearch: SearchDialect = {
  join: (text) => ({
    alias: 's',
    sql: sql`join ${sql.identifier('ticket_search')} as ${S} on ${S}.${sql.identifier('rowid')} = ${T}.${sql.identifier('ticket_id')} and ${S}.${sql.identifier('ticket_search')} match ${ftsQuery(text)}`,
  }),
  // FTS5's bm25 rank: more negative is a better match.
  rank: () => sql`${S}.${sql.identifier('rank')}`,
}

const tsQuery = (text: string) => sql`plainto_tsquery('simple', ${wordsOf(text).join(' ')})`

const pgSearch: SearchDialect = {
  join: (text) => ({
    alias: 's',
    sql: sql`join ${sql.identifier('ticket_search')} as ${S} on ${S}.${sql.identifier('ticket_id')} = ${T}.${sql.identifier('ticket_id')} and ${S}.${sql.identifier('document')} @@ ${tsQuery(text)}`,
  }),
  // Negated so that, as on SQLite, lower is better; normalised by document length as bm25 is;
  // float8 so the value survives a $skiptoken.
  rank: (text) =>
    sql`(-(ts_rank(${S}.${sql.identifier('document')}, ${tsQuery(text)}, 1)::float8))`,
}

export const searchDialect = (dialect: Store['dialect']): SearchDialect =>
  dialect === 'sqlite' ? sqliteSearch : pgSearch
