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

const id = (name: string) => sql.identifier(name)
const ticketId = sql`${T}.${id('ticket_id')}`

/**
 * Where words are found in one dialect: the title rows (one per ticket) and the message rows
 * (one per message, so that saving a message indexes that message alone). `titleRows` and
 * `messageRows` select `ticket_id` and `score` (lower is better) of every row `query` matches.
 */
interface SearchRows {
  /** One word as a query of the dialect's syntax. */
  word(word: string): SQL
  /** Any of the words. */
  anyOf(words: string[]): SQL
  titleRows(query: SQL): SQL
  messageRows(query: SQL): SQL
}

/**
 * Every word must occur, each in the title or in any message of the ticket, as in PostgreSQL's
 * plainto_tsquery over one document. The rank sums the scores of the title and of every
 * message that match any word: a ticket whose title and messages match more ranks first.
 */
function searchOver(rows: SearchRows): SearchDialect {
  const hits = (query: SQL) => sql`${rows.titleRows(query)} union all ${rows.messageRows(query)}`
  const ticketsWith = (query: SQL) =>
    sql`select ${id('ticket_id')} from (${rows.titleRows(query)}) as ${id('a')} union select ${id('ticket_id')} from (${rows.messageRows(query)}) as ${id('b')}`
  return {
    join: (text) => {
      const words = wordsOf(text)
      const scored = sql`select ${id('ticket_id')}, sum(${id('score')}) as ${id('rank')} from (${hits(rows.anyOf(words))}) as ${id('h')} group by ${id('ticket_id')}`
      // With one word, matching any word already is matching every word.
      const everyWord =
        words.length === 1
          ? []
          : words.map((word) => sql` and ${ticketId} in (${ticketsWith(rows.word(word))})`)
      return {
        alias: 's',
        sql: sql`join (${scored}) as ${S} on ${S}.${id('ticket_id')} = ${ticketId}${sql.join(everyWord, sql``)}`,
      }
    },
    rank: () => sql`${S}.${id('rank')}`,
  }
}

// FTS5: a word is a quoted string; bm25 is more negative for a better match.
const ftsWord = (word: string) => `"${word}"`
const sqliteSearch = searchOver({
  word: (word) => sql`${ftsWord(word)}`,
  anyOf: (words) => sql`${words.map(ftsWord).join(' OR ')}`,
  titleRows: (query) =>
    sql`select ${id('rowid')} as ${id('ticket_id')}, bm25(${id('ticket_search')}) as ${id('score')} from ${id('ticket_search')} where ${id('ticket_search')} match ${query}`,
  messageRows: (query) =>
    sql`select ${id('ticket_id')}, bm25(${id('message_search')}) as ${id('score')} from ${id('message_search')} where ${id('message_search')} match ${query}`,
})

// Negated so that, as on SQLite, lower is better; normalised by document length as bm25 is;
// float8 so the value survives a $skiptoken.
const pgRows = (table: string) => (query: SQL) =>
  sql`select ${id('ticket_id')}, (-(ts_rank(${id('document')}, ${query}, 1)::float8)) as ${id('score')} from ${id(table)} where ${id('document')} @@ (${query})`
const pgWord = (word: string) => sql`plainto_tsquery('simple', ${word})`
const pgSearch = searchOver({
  word: pgWord,
  // `||` of two tsqueries matches either.
  anyOf: (words) => sql.join(words.map(pgWord), sql` || `),
  titleRows: pgRows('ticket_search'),
  messageRows: pgRows('message_search'),
})

export const searchDialect = (dialect: Store['dialect']): SearchDialect =>
  dialect === 'sqlite' ? sqliteSearch : pgSearch
