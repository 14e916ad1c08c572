import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { get } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TenantFile } from '@ticket/schema'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest'
import { type Login, openStream, send, sqlClient, startFleet, until } from '../test/fleet.ts'
import type { SseClient } from '../test/notifications/sse-client.ts'
import { createTestDatabase } from '../test/postgres.ts'
import { basicHeader } from '../test/requests.ts'
import { testSecretKey } from '../test/secret-key.ts'
import type { ServerProcess } from '../test/server-process.ts'
import { startReceiver } from '../test/webhooks/receiver.ts'

// Three real server processes on one fresh PostgreSQL database, loaded together: they must
// behave as one service, before and after one of them is killed mid-load.

const admin: Login = { username: 'admin', password: 'fleet-admin-password' }
// The demo tenant's Support category assigns Even (round robin) over these three members.
const members: Login[] = [
  { username: 'bjorn', password: 'bjorn-demo-3958' },
  { username: 'carla', password: 'carla-demo-6613' },
  { username: 'fredrik', password: 'fredrik-demo-8830' },
]
const AUTO_ASSIGN = 2147483647

const BOUND_MS = 1_000
const serverDir = new URL('../..', import.meta.url).pathname

/** `tenant:import` as an operator runs it: its own process, its own connections. */
async function importTenant(url: string, tenant: TenantFile) {
  const dir = mkdtempSync(join(tmpdir(), 'ticket-fleet-tenant-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'tenant.json')
  writeFileSync(file, JSON.stringify(tenant))
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/import-tenant.ts', file], {
    cwd: serverDir,
    env: { ...process.env, DATABASE_URL: url, TICKET_PASSWORD_COST: '10' },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk) => {
    stderr += chunk
  })
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  if (code !== 0) {
    throw new Error(`tenant:import failed: ${stderr}`)
  }
}

const nina = (password: string): TenantFile => ({
  Associates: [
    { UserName: 'nina', Password: password, FullName: 'Nina Fleet', Name: 'NF', Email: 'n@x.org' },
  ],
})

interface Saved {
  ticketId: number
  notify: boolean
}

/** Saves `count` tickets, `concurrency` at a time, round robin over `targets`, half notifying. */
async function load(
  targets: () => ServerProcess[],
  count: number,
  category: number,
  onProgress: (done: number) => void = () => {}
): Promise<{ saved: Saved[]; refused: number; signIns: number[] }> {
  const saved: Saved[] = []
  const signIns: number[] = []
  let refused = 0
  let next = 0
  let done = 0
  const worker = async () => {
    while (next < count) {
      const i = next++
      const live = targets()
      const target = live[i % live.length] as ServerProcess
      const notify = i % 2 === 0
      const res = await send(target.baseUrl, 'POST', `/api/v1/Ticket?notify=${notify}`, {
        auth: admin,
        body: {
          Title: `fleet ${i}`,
          Category: { TicketCategoryId: category },
          OwnedBy: { AssociateId: AUTO_ASSIGN },
        },
      })
      if (res.status === 200) {
        saved.push({ ticketId: res.body.TicketId, notify })
      } else if (res.status === 0) {
        // The process was killed with the request in flight; whether it committed is read
        // from the database below.
        refused++
      } else {
        throw new Error(`save answered ${res.status}: ${res.text}`)
      }
      if (i % 10 === 0) {
        const signIn = await send(target.baseUrl, 'POST', '/api/v1/Session', {
          auth: { username: 'guro', password: 'guro-demo-4476' },
        })
        signIns.push(signIn.status)
      }
      onProgress(++done)
    }
  }
  await Promise.all(Array.from({ length: 6 }, worker))
  return { saved, refused, signIns }
}

async function rows<T>(db: pg.Client, text: string, values: unknown[] = []): Promise<T[]> {
  return (await db.query(text, values)).rows as T[]
}

/** Every outbox row of both dispatchers has reached a final state. */
async function drained(db: pg.Client, timeoutMs: number) {
  await until(
    async () => {
      const [pending] = await rows<{ n: number }>(
        db,
        `select (select count(*) from notification_outbox where status = 'pending')
              + (select count(*) from webhook_deliveries where status = 'pending') as n`
      )
      return Number(pending?.n) === 0
    },
    timeoutMs,
    'outboxes drained'
  )
}

/**
 * `GET /api/v1/Token` from a loopback address of its own (any 127.x address reaches the server),
 * so the throttle's per-address count starts afresh for it.
 */
function tokenListFrom(baseUrl: string, localAddress: string, login: Login) {
  return new Promise<{ status: number; retryAfter: string | undefined }>((resolve, reject) => {
    get(
      `${baseUrl}/api/v1/Token`,
      { localAddress, headers: { accept: 'application/json', authorization: basicHeader(login) } },
      (res) => {
        res.resume()
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] })
        )
      }
    ).on('error', reject)
  })
}

/** The throttle trips after 10 failures for one user name, whichever process saw them. */
async function throttleTrips(servers: ServerProcess[], login: Login) {
  const wrong = { ...login, password: 'not-the-password' }
  for (let i = 0; i < 10; i++) {
    const server = servers[i % servers.length] as ServerProcess
    expect((await send(server.baseUrl, 'GET', '/api/v1/Token', { auth: wrong })).status).toBe(401)
  }
  for (const server of servers) {
    expect((await send(server.baseUrl, 'GET', '/api/v1/Token', { auth: login })).status).toBe(429)
  }
}

interface Watch {
  member: Login
  memberId: number
  server: number
  streams: SseClient[]
}

/** The notifications a watch received (the SSE id is only the resume point, not the notification). */
const idsOf = (watch: Watch) =>
  watch.streams.flatMap((s) => s.events.map((e) => Number(JSON.parse(e.data).NotificationId)))

async function streamsMatch(db: pg.Client, watches: Watch[]) {
  const expected = new Map<number, number[]>()
  for (const row of await rows<{ associate_id: number; notification_id: number }>(
    db,
    'select associate_id, notification_id from notifications order by notification_id'
  )) {
    expected.set(row.associate_id, [...(expected.get(row.associate_id) ?? []), row.notification_id])
  }
  await until(
    async () => watches.every((w) => idsOf(w).length >= (expected.get(w.memberId) ?? []).length),
    10_000,
    'every stream caught up'
  )
  await new Promise((r) => setTimeout(r, 300))
  for (const watch of watches) {
    const got = idsOf(watch)
    expect(got.length, `${watch.member.username} on process ${watch.server}`).toBe(
      new Set(got).size
    )
    expect([...got].sort((a, b) => a - b)).toEqual(expected.get(watch.memberId) ?? [])
  }
  return expected
}

describe('three server processes on one PostgreSQL database', () => {
  // Started together on a fresh database; the second test goes on with the two processes the
  // first leaves running.
  let url = ''
  let servers: ServerProcess[] = []
  let survivors: ServerProcess[] = []
  const cleanups: Array<() => void | Promise<void>> = []
  beforeAll(async () => {
    const database = await createTestDatabase()
    cleanups.push(database.drop)
    url = database.url
    servers = await startFleet(
      3,
      {
        DATABASE_URL: url,
        TICKET_DEMO_DATA: '1',
        TICKET_ADMIN_PASSWORD: admin.password,
        TICKET_PASSWORD_COST: '10',
        // The webhook receivers of these tests listen on loopback.
        TICKET_WEBHOOK_ALLOW_PRIVATE: '1',
        TICKET_SECRET_KEY: testSecretKey,
      },
      { cleanup: (fn) => cleanups.unshift(fn) }
    )
  }, 90_000)
  afterAll(async () => {
    for (const cleanup of cleanups) {
      await cleanup()
    }
  })

  test('behave as one service, also when one is killed mid-load', {
    timeout: 150_000,
  }, async () => {
    const receiver = await startReceiver(() => 200)
    const db = await sqlClient(url)
    const [support] = await rows<{ id: number }>(
      db,
      `select ticket_category_id as id from ticket_categories where name = 'Support'`
    )
    const category = support?.id ?? 0
    const memberIds = new Map(
      (
        await rows<{ user_name: string; associate_id: number }>(
          db,
          'select user_name, associate_id from associates'
        )
      ).map((r) => [r.user_name, r.associate_id])
    )
    const hook = await send(servers[0]?.baseUrl ?? '', 'POST', '/api/v1/Webhook', {
      auth: admin,
      body: {
        Name: 'fleet',
        Events: ['ticket.created'],
        TargetUrl: receiver.url,
        Secret: 'fleet-secret',
        State: 'Active',
        Type: 'webhook',
      },
    })
    expect(hook.status, hook.text).toBe(201)

    const watches: Watch[] = []
    for (const [server, process] of servers.entries()) {
      for (const member of members) {
        watches.push({
          member,
          memberId: memberIds.get(member.username) ?? 0,
          server,
          streams: [await openStream(process.baseUrl, member)],
        })
      }
    }

    // Phase one: 60 saves over three processes.
    const first = await load(() => servers, 60, category)
    expect(first.refused).toBe(0)
    expect(first.signIns.every((status) => status === 200)).toBe(true)
    expect(new Set(first.saved.map((s) => s.ticketId)).size).toBe(60)
    await drained(db, 20_000)

    // Even assignment over three members: 20 each, as one process would.
    const owners = await rows<{ owned_by_id: number; n: string }>(
      db,
      'select owned_by_id, count(*) as n from tickets group by owned_by_id'
    )
    expect(owners.map((o) => Number(o.n))).toEqual([20, 20, 20])

    const expected = await streamsMatch(db, watches)
    expect([...expected.values()].flat().length).toBeGreaterThan(0)
    const notified = new Set(
      (await rows<{ ticket_id: number }>(db, 'select distinct ticket_id from notifications')).map(
        (r) => r.ticket_id
      )
    )
    for (const save of first.saved) {
      expect(notified.has(save.ticketId), `ticket ${save.ticketId}`).toBe(save.notify)
    }

    // One webhook POST per save (besides the registration's test event), none twice.
    const events = () =>
      receiver.requests
        .map((r) => JSON.parse(r.body) as { EventId: string; Event: string; PrimaryKey: number })
        .filter((e) => e.Event === 'ticket.created')
    await until(async () => events().length >= 60, 10_000, 'webhooks delivered')
    expect(new Set(events().map((e) => e.EventId)).size).toBe(60)
    expect(
      events()
        .map((e) => e.PrimaryKey)
        .sort()
    ).toEqual(first.saved.map((s) => s.ticketId).sort())

    await throttleTrips(servers, { username: 'david', password: 'david-demo-2087' })

    // Phase two: kill one process while 45 saves run; the others carry on.
    const victim = servers[2] as ServerProcess
    survivors = servers.slice(0, 2)
    let killed = false
    const second = await load(
      () => (killed ? survivors : servers),
      45,
      category,
      (done) => {
        if (done === 12 && !killed) {
          killed = true
          victim.child.kill('SIGKILL')
        }
      }
    )
    expect(killed).toBe(true)
    await victim.exited
    // The streams on the dead process resume on a survivor from their Last-Event-ID.
    for (const watch of watches.filter((w) => w.server === 2)) {
      const last = watch.streams[0]?.events.at(-1)?.id
      watch.streams.push(await openStream(survivors[0]?.baseUrl ?? '', watch.member, last))
    }
    // Deliveries the dead process had claimed are taken over once its short lease runs out.
    await drained(db, 30_000)

    const tickets = await rows<{ ticket_id: number }>(db, 'select ticket_id from tickets')
    expect(tickets.length).toBeGreaterThanOrEqual(60 + second.saved.length)
    expect(tickets.length).toBeLessThanOrEqual(60 + second.saved.length + second.refused)
    expect(new Set(tickets.map((t) => t.ticket_id)).size).toBe(tickets.length)
    const counts = (
      await rows<{ n: string }>(db, 'select count(*) as n from tickets group by owned_by_id')
    ).map((o) => Number(o.n))
    expect(counts).toHaveLength(3)
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1)

    await streamsMatch(db, watches)

    // Every committed ticket reached the receiver under one EventId. A POST the dead process
    // made but could not record is repeated with the same EventId, which receivers dedupe.
    await until(async () => events().length >= tickets.length, 20_000, 'webhooks delivered')
    const eventIdsByTicket = new Map<number, Set<string>>()
    for (const event of events()) {
      const set = eventIdsByTicket.get(event.PrimaryKey) ?? new Set()
      set.add(event.EventId)
      eventIdsByTicket.set(event.PrimaryKey, set)
    }
    expect([...eventIdsByTicket.keys()].sort()).toEqual(tickets.map((t) => t.ticket_id).sort())
    expect([...eventIdsByTicket.values()].every((ids) => ids.size === 1)).toBe(true)

    await throttleTrips(survivors, { username: 'eva', password: 'eva-demo-5149' })
  })

  // What one process changes, another must act on within a second: the bound every cache of
  // credentials, reference data and webhooks is held to. Changes go through one survivor or the
  // operator command (its own process), and are observed through the other survivor.
  test('see a password change, a revoked token, a deleted webhook and a tenant import within a second', {
    timeout: 120_000,
  }, async () => {
    const [a, b] = survivors
    if (!a || !b) {
      throw new Error('the fleet test above did not leave two processes')
    }
    const tokenList = (base: string, auth: Login | string) =>
      send(
        base,
        'GET',
        '/api/v1/Token',
        typeof auth === 'string' ? { headers: { authorization: `Bearer ${auth}` } } : { auth }
      ).then((r) => r.status)

    // A password change: both processes have the old credential verified (and remembered).
    await importTenant(url, nina('first-password'))
    const first = { username: 'nina', password: 'first-password' }
    const second = { username: 'nina', password: 'second-password' }
    for (const server of [a, b]) {
      expect(await tokenList(server.baseUrl, first)).toBe(200)
    }
    await importTenant(url, nina('second-password'))
    const passwordSeen = await until(
      async () =>
        (await tokenList(a.baseUrl, first)) === 401 &&
        (await tokenList(b.baseUrl, first)) === 401 &&
        (await tokenList(a.baseUrl, second)) === 200 &&
        (await tokenList(b.baseUrl, second)) === 200,
      BOUND_MS,
      'the new password on both processes'
    )
    expect(passwordSeen).toBeLessThanOrEqual(BOUND_MS)

    // A token revoked through one process stops working on the other.
    const issued = await send(a.baseUrl, 'POST', '/api/v1/Token', {
      auth: admin,
      body: { Name: 'fleet' },
    })
    expect(issued.status, issued.text).toBe(201)
    const token = issued.body.Token as string
    expect(await tokenList(b.baseUrl, token)).toBe(200)
    const revoked = await send(a.baseUrl, 'DELETE', `/api/v1/Token/${issued.body.TokenId}`, {
      auth: admin,
    })
    expect(revoked.status).toBe(204)
    const tokenSeen = await until(
      async () => (await tokenList(b.baseUrl, token)) === 401,
      BOUND_MS,
      'the revoked token refused'
    )
    expect(tokenSeen).toBeLessThanOrEqual(BOUND_MS)

    // A webhook deleted through one process gets nothing from saves on the other.
    const receiver = await startReceiver(() => 200)
    const hook = await send(a.baseUrl, 'POST', '/api/v1/Webhook', {
      auth: admin,
      body: {
        Name: 'fleet',
        Events: ['ticket.created'],
        TargetUrl: receiver.url,
        Secret: 'fleet-secret',
        State: 'Active',
        Type: 'webhook',
      },
    })
    expect(hook.status, hook.text).toBe(201)
    const save = async () => {
      const saved = await send(b.baseUrl, 'POST', '/api/v1/Ticket', {
        auth: admin,
        body: { Title: 'fleet' },
      })
      expect(saved.status, saved.text).toBe(200)
      return saved.body.TicketId as number
    }
    const createdEvents = (ticketId: number) =>
      receiver.requests.filter((r) => JSON.parse(r.body).PrimaryKey === ticketId).length
    const before = await save()
    await until(async () => createdEvents(before) === 1, 10_000, 'the event before the delete')
    const deleted = await send(a.baseUrl, 'DELETE', `/api/v1/Webhook/${hook.body.WebhookId}`, {
      auth: admin,
    })
    expect(deleted.status).toBe(204)
    await new Promise((r) => setTimeout(r, BOUND_MS))
    const after = await save()
    // The dispatchers poll every second and are woken by commits: 2.5 s is ample for a send.
    await new Promise((r) => setTimeout(r, 2_500))
    expect(createdEvents(after)).toBe(0)

    // A tenant import (another process) adds a category that saves on both processes accept.
    await importTenant(url, {
      Categories: [{ Name: 'Fleet desk', DelegateMethod: 'Not', Members: [] }],
    })
    const categories = await send(b.baseUrl, 'GET', '/api/v1/MDOList/ejcategory', { auth: admin })
    const desk = (categories.body as Array<{ Id: number; Name: string }>).find(
      (c) => c.Name === 'Fleet desk'
    )
    expect(desk, categories.text).toBeDefined()
    const importSeen = await until(
      async () => {
        for (const server of [a, b]) {
          const saved = await send(server.baseUrl, 'POST', '/api/v1/Ticket', {
            auth: admin,
            body: { Title: 'in the new category', Category: { TicketCategoryId: desk?.Id } },
          })
          if (saved.status !== 200 || saved.body.Category?.Name !== 'Fleet desk') {
            return false
          }
        }
        return true
      },
      BOUND_MS,
      'the imported category on both processes'
    )
    expect(importSeen).toBeLessThanOrEqual(BOUND_MS)
  })

  // Each process answers checks of keys that never failed from memory, fed by the change feed:
  // failures through one process must reach the other's memory.
  test('hold back a user name on one process after failures through the other', async () => {
    const [a, b] = survivors
    if (!a || !b) {
      throw new Error('the fleet test above did not leave two processes')
    }
    const address = '127.0.0.77'
    const guesser = { username: 'mallory', password: 'not-the-password' }
    // The other process has already let this address in, so it holds no failure of it.
    expect((await tokenListFrom(b.baseUrl, address, admin)).status).toBe(200)
    for (let i = 0; i < 10; i++) {
      expect((await tokenListFrom(a.baseUrl, address, guesser)).status).toBe(401)
    }
    const held = await tokenListFrom(b.baseUrl, address, guesser)
    expect(held.status).toBe(429)
    expect(Number(held.retryAfter)).toBeGreaterThan(250)
    expect(Number(held.retryAfter)).toBeLessThanOrEqual(300)
    // The address is not held back (10 of its 100): another name goes through.
    expect((await tokenListFrom(b.baseUrl, address, admin)).status).toBe(200)
  })

  test('drain one process on SIGTERM while the other carries on', { timeout: 60_000 }, async () => {
    const [a, b] = survivors
    if (!a || !b) {
      throw new Error('the fleet test above did not leave two processes')
    }
    const stream = await openStream(a.baseUrl, admin)
    // Saves keep going through the other process the whole time.
    let saving = true
    const statuses: number[] = []
    const saves = (async () => {
      while (saving) {
        const saved = await send(b.baseUrl, 'POST', '/api/v1/Ticket', {
          auth: admin,
          body: { Title: 'while the other drains' },
        })
        statuses.push(saved.status)
      }
    })()
    a.child.kill('SIGTERM')
    expect(await a.exited).toBe(0)
    await stream.ended
    expect(a.stderr()).toContain('"message":"stopped"')
    saving = false
    await saves
    expect(statuses.length).toBeGreaterThan(0)
    expect(statuses.every((status) => status === 200)).toBe(true)
    expect((await send(b.baseUrl, 'GET', '/readyz')).status).toBe(200)
  })
})
