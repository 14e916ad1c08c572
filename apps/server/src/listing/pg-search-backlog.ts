import { sql } from 'drizzle-orm'
import { asPgExecutor, type Db } from '../db/db.ts'
import { rawRows } from '../db/raw-rows.ts'
import type { PgStore } from '../db/store.ts'

// The PostgreSQL side of the title backlog (see search-backlog.ts). Several processes may move
// it at once: each takes the waiting rows in ticket-id order (so two moves never wait for each
// other crosswise), and a row another move has taken is skipped once that move commits.
//
// Each moved id looks its ticket up by primary key (`offset 0` keeps the planner from turning
// the lookup into a join). As a plain join, the planner judged the backlog by its statistics,
// which its churn leaves far too large (13,000 rows estimated for 400 waiting), and read the
// whole tickets table into a hash for every move: ten times a second under creates, and a
// read of every ticket each time.
export const moveStatement = sql`
  with moved as (
    delete from ticket_search_backlog
    where ticket_id in (select ticket_id from ticket_search_backlog order by ticket_id for update)
    returning ticket_id
  )
  insert into ticket_search (ticket_id, title)
  select t.ticket_id, t.title
  from moved
  cross join lateral (
    select ticket_id, title from tickets where tickets.ticket_id = moved.ticket_id offset 0
  ) t
  on conflict (ticket_id) do update set title = excluded.title`

const anyWaiting = sql`select exists (select 1 from ticket_search_backlog) as waiting`

/**
 * Moves every waiting title into the index, as the title is now; inside a transaction (`tx`), so
 * that the index and the backlog change together. A ticket deleted while it waited has no row
 * to move and leaves the backlog all the same.
 */
export async function moveWaitingTitlesPg(tx: Db): Promise<void> {
  await asPgExecutor(tx).execute(moveStatement)
}

/** Whether any committed ticket's title still waits. */
export async function titlesWaitingPg(store: PgStore): Promise<boolean> {
  const [row] = await rawRows(store, anyWaiting, 'reader')
  return row?.waiting === true
}
