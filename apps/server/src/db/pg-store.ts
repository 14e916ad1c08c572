import { resolve } from 'node:path'
import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import pg from 'pg'
import { createPgChangeFeed } from './change-feed.ts'
import type { Db, PgDb } from './db.ts'
import { migrationsRoot } from './migrations-root.ts'
import { PgGroupCommit } from './pg-group-commit.ts'
import { prepared } from './prepared.ts'
import * as pgTables from './schema.pg.gen.ts'
import type { PgStore } from './store-types.ts'
import { writeLater } from './write-later.ts'

/**
 * PostgreSQL's database and transactions, seen as a `Db`. Queries are typed with SQLite's
 * builders; PostgreSQL's have the same calls and, over its own tables, the same row types
 * (`dialect-twins.test-d.ts`), which is what makes this the one place the two meet.
 */
const asDb = (db: unknown): Db => db as Db

/** Connects a pool to a PostgreSQL database and migrates it (one process at a time). */
export async function openPgStore(
  url: string,
  onConnectionError: (error: Error) => void,
  poolSize: number
): Promise<PgStore> {
  // Besides the pool, each process holds one listening connection (the change feed). Pipeline
  // mode lets a transaction send statements without waiting for each answer (`pg-transaction.ts`).
  const pool = new pg.Pool({ connectionString: url, max: poolSize, pipeline: true })
  pool.on('error', onConnectionError)
  const pgDb: PgDb = drizzle(pool, { schema: pgTables })
  try {
    await underAdvisoryLock(pool, 'migrations', () =>
      migrate(pgDb, { migrationsFolder: resolve(migrationsRoot, 'pg') })
    )
  } catch (error) {
    await pool.end()
    throw error
  }
  const changes = await createPgChangeFeed(url, {
    notify: async (channel, payload, tx) => {
      if (!tx) {
        await pgDb.execute(sql`select pg_notify(${channel}, ${payload})`)
        return
      }
      // Nothing is read from it: it goes with the transaction's next statement or its commit,
      // and PostgreSQL delivers it when the transaction commits.
      const statement = prepared(tx, 'changes.notify', (d) =>
        d
          .select({
            sent: sql`pg_notify(${sql.placeholder('channel')}, ${sql.placeholder('payload')})`,
          })
          .from(sql`(values (1)) as one`)
      )
      await writeLater(tx, () => statement.execute({ channel, payload }))
    },
    onError: onConnectionError,
  }).catch(async (error) => {
    await pool.end()
    throw error
  })
  const db = asDb(pgDb)
  const groups = new PgGroupCommit(pool)
  return {
    dialect: 'pg',
    db,
    reader: db,
    native: { db: pgDb },
    changes,
    exclusive: (name, fn) => underAdvisoryLock(pool, name, fn),
    // Other processes commit to the same database: nothing read stays true without asking.
    transactionsEnded: () => undefined,
    transaction: (fn) => groups.run(fn),
    ping: async () => {
      await pgDb.execute(sql`select 1`)
    },
    close: async () => {
      await changes.close()
      await pool.end()
    },
  }
}

/**
 * Runs `fn` holding a session-level advisory lock named `ticket:<name>` on a connection of its
 * own. Several processes may start together on one database: the first to take the lock
 * migrates (or seeds), the others wait for it and then find nothing left to do.
 */
async function underAdvisoryLock<T>(pool: pg.Pool, name: string, fn: () => Promise<T>): Promise<T> {
  const client = await pool.connect()
  const key = `ticket:${name}`
  // Lost while lent out, the connection reports it here rather than as an uncaught error; the
  // lock went with it, and the unlock below fails and throws.
  let lost: Error | undefined
  const onLost = (error: Error) => {
    lost = error
  }
  client.on('error', onLost)
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [key])
    try {
      return await fn()
    } finally {
      await client.query('select pg_advisory_unlock(hashtext($1))', [key])
    }
  } finally {
    client.off('error', onLost)
    client.release(lost)
  }
}
