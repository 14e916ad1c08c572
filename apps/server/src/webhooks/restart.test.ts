import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, onTestFinished } from 'vitest'
import { openStore, type Store } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { call } from '../test/requests.ts'
import { type DatabaseKind, temporaryDatabase } from '../test/temp-database.ts'
import { deliveriesWhen, registerHook, signatureValid } from '../test/webhooks/hooks.ts'
import { type Answer, startReceiver } from '../test/webhooks/receiver.ts'
import { adminLogin, createWebhookTestApp } from '../test/webhooks/webhook-test-app.ts'
import { blankTicketEntity } from '../tickets/blank-entity.ts'
import { enqueueDeliveries } from './enqueue-deliveries.ts'
import { createWebhookRegistry } from './webhook-registry.ts'

const workerPath = fileURLToPath(new URL('../test/webhooks/dispatch-worker.ts', import.meta.url))
// `--import tsx` resolves from the working folder: the server package, wherever vitest started.
const serverRoot = fileURLToPath(new URL('../../', import.meta.url))

async function databaseUrl(kind: 'file' | 'pg') {
  return temporaryDatabase(kind)
}

/** Queues one ticket event the way a save would, without any dispatcher running. */
async function queueEvent(url: string) {
  const store = await openStore(url)
  try {
    const hooks = await createWebhookRegistry(store).active(store.db)
    await store.transaction((tx) =>
      enqueueDeliveries(
        tx,
        tablesOf(store.db),
        {
          kind: 'created',
          ticketId: 1,
          before: null,
          after: { ...blankTicketEntity(), TicketId: 1, Title: 'survives a crash' },
          actorId: 1,
          notify: false,
          at: new Date().toISOString(),
          revision: 1,
          changedColumns: ['title'],
        },
        'http://127.0.0.1:8787',
        hooks
      )
    )
  } finally {
    await store.close()
  }
}

/**
 * Timings no loaded machine reaches, for a test that must see every delivery exactly once: a
 * POST that timed out, or a lease that ran out while a process stalled, is retried by design
 * (at least once), which is not what such a test checks.
 */
const patientTimings = { timeoutMs: 20_000, leaseMs: 40_000 }

/**
 * `dispatch-worker.ts` in its own Node process, with `options` over its short test timings;
 * SIGKILLed at the latest when the test ends.
 */
function startWorker(url: string, options: { timeoutMs?: number; leaseMs?: number } = {}) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', workerPath, url, JSON.stringify(options)],
    {
      cwd: serverRoot,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    }
  )
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const kill = async () => {
    child.kill('SIGKILL')
    await exited
  }
  onTestFinished(kill)
  const ready = new Promise<void>((resolve) => child.once('message', () => resolve()))
  return { ready, kill }
}

async function readDeliveries(store: Store) {
  return store.db.select().from(tablesOf(store.db).webhookDeliveries)
}

describe.each<'file' | 'pg'>(['file', 'pg'])(
  'webhook dispatch across processes on %s',
  {
    timeout: 60_000,
  },
  (kind) => {
    it('a dispatcher killed mid-delivery: the next process resends after the lease, same EventId', async () => {
      const url = await databaseUrl(kind)
      const script: Answer[] = [200, 'hang', 200]
      const receiver = await startReceiver((n) => script[n] ?? 500)
      const first = await createWebhookTestApp({ database: url })
      const hook = await registerHook(first.app, receiver.url, { Secret: 'crash-secret' })
      await first.shutdown()
      await queueEvent(url)

      const worker = startWorker(url)
      await receiver.received(2, 30_000)
      await worker.kill()

      const store = await openStore(url)
      const [claimed] = await readDeliveries(store).then((rows) =>
        rows.filter((r) => r.event === 'ticket.created')
      )
      await store.close()
      // The killed process had claimed and counted the try; its lease is still running.
      expect(claimed).toMatchObject({ status: 'pending', tries: 1 })
      expect(Date.parse(String(claimed?.nextAttemptAt))).toBeGreaterThan(Date.now() - 200)

      const second = await createWebhookTestApp({ database: url, seedUsers: false })
      const [, killed, resent] = await receiver.received(3, 10_000)
      expect(resent?.headers['x-superoffice-eventid']).toBe(
        killed?.headers['x-superoffice-eventid']
      )
      expect(resent?.body).toBe(killed?.body)
      expect(resent?.headers['x-superoffice-retry']).toBe('2')
      expect(resent && signatureValid(resent, 'crash-secret')).toBe(true)
      const log = await deliveriesWhen(
        second.app,
        hook.WebhookId,
        (l) => l[0]?.Status === 'delivered'
      )
      expect(log[0]).toMatchObject({ Event: 'ticket.created', Tries: 2, LastStatusCode: 200 })
      expect(receiver.requests).toHaveLength(3)
    })

    it('a second process dispatching from the same database never sends an event twice', async () => {
      const url = await databaseUrl(kind)
      const receiver = await startReceiver(() => ({ status: 200, delayMs: 15 }))
      const { app } = await createWebhookTestApp({
        database: url,
        webhooks: { pollMs: 5, batchSize: 3, ...patientTimings },
      })
      const hook = await registerHook(app, receiver.url)
      // A separate process: two SQLite connections in one process would block each other's loop.
      const worker = startWorker(url, patientTimings)
      await worker.ready
      const saves = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          call(app, 'POST', '/api/v1/Ticket', { Title: `t${i}` }, { auth: adminLogin })
        )
      )
      expect(saves.map((s) => s.status)).toEqual(Array(30).fill(200))
      await receiver.received(31, 20_000)
      // Give a duplicate the time it would need to show up.
      await new Promise((resolve) => setTimeout(resolve, 300))
      const ids = receiver.requests.slice(1).map((r) => r.headers['x-superoffice-eventid'])
      expect(ids).toHaveLength(30)
      expect(new Set(ids).size).toBe(30)
      const log = await deliveriesWhen(app, hook.WebhookId, (l) =>
        l.every((d) => d.Status === 'delivered')
      )
      expect(log.filter((d) => d.Event === 'ticket.created').map((d) => d.Tries)).toEqual(
        Array(30).fill(1)
      )
    })
  }
)

describe.each<DatabaseKind>(['file', 'pg'])('shutdown on %s', { timeout: 30_000 }, (kind) => {
  it('stop() waits for the in-flight delivery and sends what is due before closing', async () => {
    const url = await temporaryDatabase(kind)
    const receiver = await startReceiver((n) => (n === 0 ? 200 : { status: 200, delayMs: 300 }))
    const { app, shutdown } = await createWebhookTestApp({ database: url })
    await registerHook(app, receiver.url)
    for (const title of ['one', 'two']) {
      const saved = await call(
        app,
        'POST',
        '/api/v1/Ticket',
        { Title: title },
        { auth: adminLogin }
      )
      expect(saved.status).toBe(200)
    }
    await shutdown()
    expect(receiver.requests).toHaveLength(3)
    const store = await openStore(url)
    const rows = (await readDeliveries(store)).filter((r) => r.event === 'ticket.created')
    await store.close()
    expect(rows.map((r) => r.status)).toEqual(['delivered', 'delivered'])
  })
})
