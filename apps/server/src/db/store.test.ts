import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { createTestDatabase } from '../test/postgres.ts'
import { pageCacheKiB } from './sqlite-store.ts'
import { openStore } from './store.ts'
import { tablesOf } from './tables-of.ts'

describe('the PostgreSQL store', () => {
  it('survives its idle connections being killed, and reconnects', async () => {
    const database = await createTestDatabase()
    const errors: Error[] = []
    const store = await openStore(database.url, (error) => errors.push(error))
    try {
      await store.ping()
      const admin = new pg.Client({ connectionString: database.url })
      await admin.connect()
      await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()'
      )
      await admin.end()
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(errors.length).toBeGreaterThan(0)
      const rows = await store.db.select({ one: sql<number>`1` }).from(tablesOf(store.db).tags)
      expect(rows).toEqual([])
      await store.ping()
    } finally {
      await store.close()
      await database.drop()
    }
  })
})

describe('the PostgreSQL store, its connection lost while it holds a lock', () => {
  it('fails the locked work instead of ending the process, and goes on', async () => {
    const database = await createTestDatabase()
    const store = await openStore(database.url, () => {})
    const admin = new pg.Client({ connectionString: database.url })
    await admin.connect()
    try {
      await expect(
        store.exclusive('lost-lock', async () => {
          // The connection that holds the advisory lock is the one terminated; only this test's
          // database is looked at, since tests running beside it hold advisory locks of their own.
          await admin.query(
            `select pg_terminate_backend(l.pid) from pg_locks l
               join pg_database d on d.oid = l.database
              where l.locktype = 'advisory' and l.granted and d.datname = current_database()`
          )
          await new Promise((resolve) => setTimeout(resolve, 200))
        })
      ).rejects.toThrow()
      await store.exclusive('lost-lock', async () => {})
      await store.ping()
    } finally {
      await admin.end()
      await store.close()
      await database.drop()
    }
  })
})

describe('the SQLite store', () => {
  it('bounds the page cache of its writer and its reader', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ticket-store-'))
    const store = await openStore(join(dir, 'ticket.db'))
    try {
      const cacheSize = (db: typeof store.db) =>
        (db as unknown as { $client: { pragma(p: string, o: object): unknown } }).$client.pragma(
          'cache_size',
          { simple: true }
        )
      expect(cacheSize(store.db)).toBe(-pageCacheKiB)
      expect(cacheSize(store.reader)).toBe(-pageCacheKiB)
    } finally {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
