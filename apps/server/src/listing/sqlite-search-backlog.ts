import type { Statement } from 'better-sqlite3'
import type { SqliteStore } from '../db/store.ts'

// The SQLite side of the title backlog (see search-backlog.ts): its statements, prepared once
// per store, the writer's on the writer and the check on the committed-data reader. On SQLite
// the statements that create tickets put their ids into the backlog themselves; PostgreSQL's
// trigger does it there (why: docs/decisions.md, "New titles reach the search index after the
// save").
const statementTexts = {
  note: 'insert into ticket_search_backlog (ticket_id) values (?)',
  move: 'insert into ticket_search (rowid, title) select t.ticket_id, t.title from ticket_search_backlog b join tickets t on t.ticket_id = b.ticket_id',
  clear: 'delete from ticket_search_backlog',
  anyWaiting: 'select exists (select 1 from ticket_search_backlog)',
}
type Statements = Record<keyof typeof statementTexts, Statement>

const preparedFor = new WeakMap<SqliteStore, Statements>()

function statementsOf(store: SqliteStore): Statements {
  let statements = preparedFor.get(store)
  if (!statements) {
    const writer = store.native.db.$client
    statements = {
      note: writer.prepare(statementTexts.note),
      move: writer.prepare(statementTexts.move),
      clear: writer.prepare(statementTexts.clear),
      anyWaiting: store.native.reader.$client.prepare(statementTexts.anyWaiting).pluck(),
    }
    preparedFor.set(store, statements)
  }
  return statements
}

/**
 * Prepares the backlog's statements now (at start): the first move runs a while after the
 * first creates, and would otherwise parse their text in the middle of the load.
 */
export function prepareSearchBacklog(store: SqliteStore): void {
  statementsOf(store)
}

/** Puts new tickets' ids into the backlog; inside the writer transaction that created them. */
export function backlogNewTickets(store: SqliteStore, ticketIds: readonly number[]): void {
  const { note } = statementsOf(store)
  for (const ticketId of ticketIds) {
    note.run(ticketId)
  }
}

/** Moves every waiting title into the index, as the title is now; inside a writer transaction. */
export function moveWaitingTitles(store: SqliteStore): void {
  const { move, clear } = statementsOf(store)
  move.run()
  clear.run()
}

/** Whether any committed ticket's title still waits. */
export function titlesWaiting(store: SqliteStore): boolean {
  return statementsOf(store).anyWaiting.get() === 1
}
