import type { Database as SqliteConnection } from 'better-sqlite3'

/**
 * Moves the titles saves queued in `ticket_search_pending` into the full-text index, on the
 * writer, inside the transaction about to commit. Run just before every COMMIT of the writer (and
 * once at start, for rows a write outside a transaction queued): the index is then written once
 * per commit, not once per save, and a reader never sees a ticket without its search row.
 * Why the queue exists is in the migration that added it (`0017_search_rows_at_commit.sql`).
 */
export function searchRowsAtCommit(connection: SqliteConnection): () => void {
  const index = connection.prepare(
    'INSERT INTO ticket_search (rowid, title) SELECT ticket_id, title FROM ticket_search_pending'
  )
  const empty = connection.prepare('DELETE FROM ticket_search_pending')
  return () => {
    if (index.run().changes > 0) {
      empty.run()
    }
  }
}
