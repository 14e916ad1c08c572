import pg from 'pg'
import { describe, expect, it, onTestFinished } from 'vitest'
import { LISTENER_NAME } from '../db/change-feed.ts'
import { openStore, type Store } from '../db/store.ts'
import { pgWritesDuring } from '../test/pg-round-trips.ts'
import { createTestDatabase } from '../test/postgres.ts'
import type { Counted, FailureLedger } from './failure-ledger.ts'
import { longestWindowMs, signInLimits } from './sign-in-throttle.ts'
import { tableLedger } from './table-ledger.ts'

// Two stores on one PostgreSQL database, each with its own pool and listening connection, as two
// server processes have: what one records, the other must honour. Real processes: fleet.test.ts.

const now = Date.parse('2030-01-01T08:00:00.000Z')
const named = (letter: string): Counted => ({ key: letter.repeat(64), limit: 3, windowMs: 60_000 })

async function twoProcesses() {
  const database = await createTestDatabase()
  const open = async () => {
    const store = await openStore(database.url)
    return { store, ledger: tableLedger(store, longestWindowMs(signInLimits)) }
  }
  const a = await open()
  const b = await open()
  const admin = new pg.Client({ connectionString: database.url })
  await admin.connect()
  // Settings of the database itself are changed from outside it.
  const outside = new URL(database.url)
  outside.pathname = '/postgres'
  const server = new pg.Client({ connectionString: outside.toString() })
  await server.connect()
  const name = admin.database ?? ''
  const allowConnections = (allow: boolean) =>
    server.query(`alter database ${name} allow_connections ${allow}`)
  onTestFinished(async () => {
    await allowConnections(true)
    await server.end()
    await admin.end()
    await a.store.close()
    await b.store.close()
    await database.drop()
  })
  const writes = (fn: () => Promise<unknown>) => pgWritesDuring(database.url, fn)
  return { a, b, admin, allowConnections, writes }
}

/**
 * The ledger's first check reads the table and loads its memory alongside; once loaded, a check
 * of keys that never failed sends nothing. The memory counts only while the store's listener is
 * connected, which on a busy machine takes longer than a few round trips: tried until a
 * deadline, not a number of times.
 */
async function settled(
  ledger: FailureLedger,
  writes: (fn: () => Promise<unknown>) => Promise<number>
) {
  const deadline = Date.now() + 15_000
  while (Date.now() < deadline) {
    if ((await writes(() => ledger.standings([named('z')], now))) === 0) {
      return
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error('the ledger kept reading checks of keys that never failed')
}

/** Resolves when `store` has heard `count` failure announcements (after the ledger has). */
function heard(store: Store, count: number) {
  let seen = 0
  return new Promise<void>((resolve) => {
    const stop = store.changes.subscribe('sign-in-failures', () => {
      if (++seen === count) {
        stop()
        resolve()
      }
    })
  })
}

/**
 * Ends every listening connection on the database, as a restart or a network cut would. Wait for
 * every store's resync before counting round trips: a reconnect writes too.
 */
async function cutListeners(admin: pg.Client) {
  await admin.query(
    'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and datname = current_database()',
    [LISTENER_NAME]
  )
}

const resynced = (store: Store) =>
  new Promise<void>((resolve) => {
    const stop = store.changes.onResync(() => {
      stop()
      resolve()
    })
  })

describe('the sign-in failure ledger on PostgreSQL', { timeout: 60_000 }, () => {
  it('honours failures recorded by another process, and reads nothing for keys that never failed', async () => {
    const { a, b, writes } = await twoProcesses()
    await settled(b.ledger, writes)
    const announced = heard(b.store, 3)
    for (let i = 0; i < 3; i++) {
      await a.ledger.record([named('n')], now + i * 1000)
    }
    await announced
    const [standing] = await b.ledger.standings([named('n')], now + 3000)
    // The third newest failure (the first, at +0 s) holds the key until it is a minute old.
    expect(standing).toEqual({ waitMs: 57_000, failures: 3 })
    expect(await writes(() => b.ledger.standings([named('n')], now + 3000))).toBe(1)
    expect(await writes(() => b.ledger.standings([named('m')], now + 3000))).toBe(0)
    // Once the failures are older than the window, the key needs no read either.
    expect(await b.ledger.standings([named('n')], now + 62_000)).toEqual([
      { waitMs: 0, failures: 0 },
    ])
    expect(await writes(() => b.ledger.standings([named('n')], now + 62_000))).toBe(0)
  })

  it('reads every check while its feed is down, and after the resync honours what it missed', async () => {
    const { a, b, admin, allowConnections, writes } = await twoProcesses()
    await settled(b.ledger, writes)
    // The listeners cannot come back until allowed again; the pools keep their connections.
    await allowConnections(false)
    const back = Promise.all([resynced(a.store), resynced(b.store)])
    await cutListeners(admin)
    for (let i = 0; i < 3; i++) {
      await a.ledger.record([named('n')], now + i * 1000)
    }
    // Its memory never heard of these failures: the answer comes from the table.
    expect(b.store.changes.listening()).toBe(false)
    expect(await b.ledger.standings([named('n')], now + 3000)).toEqual([
      { waitMs: 57_000, failures: 3 },
    ])

    await allowConnections(true)
    await back
    expect(b.store.changes.listening()).toBe(true)
    expect(await b.ledger.standings([named('n')], now + 3000)).toEqual([
      { waitMs: 57_000, failures: 3 },
    ])
    await settled(b.ledger, writes)
    expect(await writes(() => b.ledger.standings([named('n')], now + 3000))).toBe(1)
  })

  it('learns after a resync of a failure whose announcement it never heard', async () => {
    const { a, b, admin, writes } = await twoProcesses()
    await settled(b.ledger, writes)
    // Written without an announcement, as if sent while the listener was away.
    for (let i = 0; i < 3; i++) {
      await admin.query('insert into sign_in_failures (key, failed_at) values ($1, $2)', [
        named('n').key,
        new Date(now + i * 1000).toISOString(),
      ])
    }
    // From memory, the failures are unknown: this is what a lost message would cost.
    expect(await b.ledger.standings([named('n')], now + 3000)).toEqual([{ waitMs: 0, failures: 0 }])
    const back = Promise.all([resynced(a.store), resynced(b.store)])
    await cutListeners(admin)
    await back
    expect(await b.ledger.standings([named('n')], now + 3000)).toEqual([
      { waitMs: 57_000, failures: 3 },
    ])
    await settled(b.ledger, writes)
    expect(await b.ledger.standings([named('n')], now + 3000)).toEqual([
      { waitMs: 57_000, failures: 3 },
    ])
  })
})
