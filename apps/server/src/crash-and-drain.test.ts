import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { and, eq, inArray, like } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { openStore, type Store } from './db/store.ts'
import { tablesOf } from './db/tables-of.ts'
import { demoRefs } from './test/demo-refs.ts'
import { createTestDatabase } from './test/postgres.ts'
import { basicHeader } from './test/requests.ts'
import { startServerProcess } from './test/server-process.ts'

const password = 'crash-test-password'
const auth = basicHeader({ username: 'admin', password })
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) {
    await cleanup()
  }
})

async function databaseFor(dialect: 'sqlite' | 'pg'): Promise<string> {
  if (dialect === 'pg') {
    const database = await createTestDatabase()
    cleanups.push(database.drop)
    return database.url
  }
  const dir = mkdtempSync(join(tmpdir(), 'ticket-crash-'))
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }))
  return join(dir, 'ticket.db')
}

async function start(url: string) {
  const server = await startServerProcess({
    DATABASE_URL: url,
    TICKET_DEMO_DATA: '1',
    TICKET_ADMIN_PASSWORD: password,
    TICKET_PASSWORD_COST: '10',
  })
  await server.ready()
  return server
}

interface Sent {
  title: string
  notify: boolean
  startedAt: number
  status?: number
  ticketId?: number
  error?: string
}

/**
 * Saves tickets from `workers` concurrent clients, half with `notify=true`, until `stop()` says
 * so or the server goes away; every request is recorded with what came back.
 */
function load(baseUrl: string, run: string, ownerId: number, workers = 6) {
  const sent: Sent[] = []
  let stopped = false
  const worker = async (w: number) => {
    for (let n = 0; !stopped; n++) {
      const entry: Sent = { title: `${run}-${w}-${n}`, notify: n % 2 === 0, startedAt: Date.now() }
      sent.push(entry)
      try {
        const res = await fetch(`${baseUrl}/api/v1/Ticket?notify=${entry.notify}`, {
          method: 'POST',
          headers: {
            authorization: auth,
            'content-type': 'application/json',
            accept: 'application/json',
          },
          body: JSON.stringify({ Title: entry.title, OwnedBy: { AssociateId: ownerId } }),
        })
        entry.status = res.status
        const body = (await res.json()) as { TicketId?: number }
        entry.ticketId = body.TicketId
      } catch (error) {
        entry.error = String((error as Error).cause ?? error)
        return
      }
    }
  }
  const done = Promise.all(Array.from({ length: workers }, (_, w) => worker(w)))
  return {
    sent,
    acked: () => sent.filter((s) => s.status === 200 && s.ticketId !== undefined),
    stop: async () => {
      stopped = true
      await done
    },
    done,
  }
}

async function waitFor(check: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (!check() && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** Every acknowledged ticket is stored once; every acknowledged notify=true save notified once. */
async function check(store: Store, run: string, acked: Sent[], ownerId: number) {
  const { tickets, notifications } = tablesOf(store.db)
  const rows = await store.reader
    .select({ id: tickets.ticketId, title: tickets.title })
    .from(tickets)
    .where(like(tickets.title, `${run}-%`))
  const byTitle = new Map<string, number>()
  for (const row of rows) {
    byTitle.set(row.title, (byTitle.get(row.title) ?? 0) + 1)
  }
  const lost = acked.filter((s) => !byTitle.has(s.title))
  const duplicated = [...byTitle.values()].filter((count) => count > 1).length
  const ids = rows.map((r) => r.id)
  const delivered = ids.length
    ? await store.reader
        .select({ ticketId: notifications.ticketId })
        .from(notifications)
        .where(and(eq(notifications.associateId, ownerId), inArray(notifications.ticketId, ids)))
    : []
  const perTicket = new Map<number, number>()
  for (const n of delivered) {
    perTicket.set(n.ticketId ?? 0, (perTicket.get(n.ticketId ?? 0) ?? 0) + 1)
  }
  const notified = acked.filter((s) => s.notify)
  return {
    acknowledged: acked.length,
    lost: lost.length,
    duplicated,
    missing: notified.filter((s) => !perTicket.has(s.ticketId ?? -1)).length,
    doubled: [...perTicket.values()].filter((count) => count > 1).length,
    // A save acknowledged without notify must not notify either.
    unasked: acked.filter((s) => !s.notify && perTicket.has(s.ticketId ?? -1)).length,
  }
}

/** One line per run in the test output: the figures a reader of CI wants to see. */
function report(run: string, tried: number, outcome: object) {
  process.stderr.write(`crash-and-drain ${run}: requests ${tried} ${JSON.stringify(outcome)}\n`)
}

const clean = { lost: 0, duplicated: 0, missing: 0, doubled: 0, unasked: 0 }

describe.each(['sqlite', 'pg'] as const)('the real server process on %s', (dialect) => {
  it('SIGKILL under concurrent saves: after a restart every acknowledged save and its notification are there exactly once within 10 s', async () => {
    const url = await databaseFor(dialect)
    const first = await start(url)
    const store = await openStore(url)
    cleanups.unshift(() => store.close())
    const ownerId = (await demoRefs(store)).associates.find((a) => a.userName !== 'admin')
      ?.associateId as number
    const traffic = load(first.baseUrl, 'kill', ownerId)
    await waitFor(() => traffic.acked().length >= 30, 20_000)
    first.child.kill('SIGKILL')
    await first.exited
    await traffic.stop()
    const acked = traffic.acked()
    expect(acked.length).toBeGreaterThanOrEqual(30)
    expect(traffic.sent.filter((s) => (s.status ?? 0) >= 500)).toEqual([])

    const second = await start(url)
    const restartedAt = Date.now()
    let outcome = await check(store, 'kill', acked, ownerId)
    while (outcome.missing > 0 && Date.now() - restartedAt < 10_000) {
      await new Promise((r) => setTimeout(r, 100))
      outcome = await check(store, 'kill', acked, ownerId)
    }
    report(`${dialect} SIGKILL`, traffic.sent.length, outcome)
    expect(outcome).toMatchObject(clean)
    second.child.kill('SIGKILL')
  }, 90_000)

  it('SIGTERM under concurrent saves: requests in flight are answered, outboxes drain, exit code 0', async () => {
    const url = await databaseFor(dialect)
    const server = await start(url)
    const store = await openStore(url)
    cleanups.unshift(() => store.close())
    const ownerId = (await demoRefs(store)).associates.find((a) => a.userName !== 'admin')
      ?.associateId as number
    const traffic = load(server.baseUrl, 'term', ownerId)
    await waitFor(() => traffic.acked().length >= 20, 20_000)
    const termAt = Date.now()
    server.child.kill('SIGTERM')
    const code = await Promise.race([
      server.exited,
      new Promise((resolve) => setTimeout(() => resolve('still running'), 20_000)),
    ])
    expect(code, server.stderr()).toBe(0)
    await traffic.stop()
    const acked = traffic.acked()
    // Requests already sent when the signal came were answered, not dropped.
    const inFlight = traffic.sent.filter((s) => s.startedAt < termAt - 50)
    expect(inFlight.filter((s) => s.status === undefined)).toEqual([])
    expect(traffic.sent.filter((s) => (s.status ?? 0) >= 500)).toEqual([])
    // Nothing restarted: what the stopping process flushed is all there is.
    const outcome = await check(store, 'term', acked, ownerId)
    report(`${dialect} SIGTERM`, traffic.sent.length, outcome)
    expect(outcome).toMatchObject(clean)
  }, 90_000)
})
