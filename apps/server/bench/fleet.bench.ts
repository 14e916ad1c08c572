// `pnpm --filter @ticket/server bench:fleet`: create throughput with 1, 2 and 3 server processes
// (TICKET_WORKERS behind one port) on PostgreSQL, side by side in alternating rounds, autocannon's
// CLI in its own process. Also prints where the CPU went (the Node processes, PostgreSQL's
// backends) and what the shared sign-in throttle costs per sign-in.
import pg from 'pg'
import { memoryLedger } from '../src/auth/failure-ledger.ts'
import { longestWindowMs, signInLimits } from '../src/auth/sign-in-throttle.ts'
import { tableLedger } from '../src/auth/table-ledger.ts'
import { openStore } from '../src/db/store.ts'
import { createTestDatabase } from '../src/test/postgres.ts'
import { descendants } from '../src/test/server-process.ts'
import { loadRun } from './load.ts'
import { median } from './measure.ts'
import { cpuSecondsOf, postgresPids, type Running, startService } from './processes.ts'
import { prepareContext, scenarios } from './scenarios.ts'

const seconds = Number(process.env.BENCH_SECONDS ?? 5)
const rounds = Number(process.env.BENCH_ROUNDS ?? 3)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16)
const counts = (process.env.BENCH_WORKERS ?? '1,2,3').split(',').map(Number)
const create = scenarios.find((s) => s.name === 'create')
if (!create) {
  throw new Error('the create scenario is missing')
}

/** CPU seconds of a process and every process below it (the cluster's workers). */
const treeCpu = (pid: number) => cpuSecondsOf([pid, ...descendants(pid)])

/** CPU seconds of every PostgreSQL process on this machine (the server and its backends). */
const postgresCpu = () => cpuSecondsOf(postgresPids())

/** Workers answer 503 until they have started: wait for twenty 200s in a row. */
async function everyWorkerReady(url: string) {
  let inARow = 0
  const deadline = Date.now() + 60_000
  while (inARow < 20) {
    if (Date.now() > deadline) {
      throw new Error(`${url} did not become ready`)
    }
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false
    )
    inARow = ok ? inARow + 1 : 0
    if (!ok) {
      await new Promise((r) => setTimeout(r, 100))
    }
  }
}

interface Run {
  perSecond: number
  p50: number
  p99: number
  nodeCpuMs: number
  pgCpuMs: number
  failures: number
}

const cleanups: (() => Promise<void>)[] = []
let failed = false
try {
  const services = new Map<
    number,
    { service: Running; context: Awaited<ReturnType<typeof prepareContext>> }
  >()
  for (const count of counts) {
    const database = await createTestDatabase()
    cleanups.push(database.drop)
    const service = await startService(database.url, { env: { TICKET_WORKERS: String(count) } })
    cleanups.push(service.stop)
    await everyWorkerReady(service.url)
    const context = await prepareContext(service.url)
    // Warm up: every worker verifies the password once (then remembers it) and compiles its
    // hot paths before anything is counted.
    await loadRun(create.request(context), connections, 2)
    services.set(count, { service, context })
  }
  const runs = new Map<number, Run[]>(counts.map((c) => [c, []]))
  for (let round = 0; round < rounds; round++) {
    // Rotate who goes first, so a slower machine late in the run hurts every count alike.
    const order = counts.map((_, i) => counts[(i + round) % counts.length] as number)
    for (const count of order) {
      const entry = services.get(count)
      if (!entry) {
        continue
      }
      const pid = entry.service.child.pid ?? 0
      const nodeBefore = treeCpu(pid)
      const pgBefore = postgresCpu()
      const result = await loadRun(create.request(entry.context), connections, seconds)
      const requests = Math.max(1, result.requests)
      runs.get(count)?.push({
        perSecond: result.perSecond,
        p50: result.p50,
        p99: result.p99,
        nodeCpuMs: ((treeCpu(pid) - nodeBefore) * 1000) / requests,
        pgCpuMs: ((postgresCpu() - pgBefore) * 1000) / requests,
        failures: result.non2xx + result.errors,
      })
    }
  }
  console.log(
    `create on PostgreSQL, ${rounds} rotating round(s) of ${seconds} s, ${connections} connections, autocannon in its own process; medians\n`
  )
  console.log(
    '| processes | creates/s | vs 1 process | p50 ms | p99 ms | Node CPU ms/create | PostgreSQL CPU ms/create | non-2xx |'
  )
  console.log('|---|---|---|---|---|---|---|---|')
  const one = median((runs.get(counts[0] ?? 1) ?? []).map((r) => r.perSecond))
  for (const count of counts) {
    const list = runs.get(count) ?? []
    const of = (pick: (r: Run) => number) => median(list.map(pick))
    const failures = list.reduce((sum, r) => sum + r.failures, 0)
    failed ||= failures > 0
    console.log(
      `| ${count} | ${of((r) => r.perSecond).toFixed(0)} | ${(of((r) => r.perSecond) / one).toFixed(2)}× | ${of((r) => r.p50).toFixed(2)} | ${of((r) => r.p99).toFixed(2)} | ${of((r) => r.nodeCpuMs).toFixed(2)} | ${of((r) => r.pgCpuMs).toFixed(2)} | ${failures} |`
    )
  }

  // What the shared throttle adds to a sign-in: a check of keys that never failed is answered
  // from memory (fed by the change feed); of keys that failed, one indexed read; a failure is a
  // small transaction. Sequential, so each read's figure is one round trip's latency.
  const database = await createTestDatabase()
  cleanups.push(database.drop)
  const store = await openStore(database.url)
  cleanups.push(() => store.close())
  const keys = [
    { key: 'a'.repeat(64), limit: 100, windowMs: 60_000 },
    { key: 'b'.repeat(64), limit: 10, windowMs: 300_000 },
  ]
  const timed = async (n: number, fn: (i: number) => Promise<unknown>) => {
    const started = process.hrtime.bigint()
    for (let i = 0; i < n; i++) {
      await fn(i)
    }
    return Number(process.hrtime.bigint() - started) / 1e6 / n
  }
  const table = tableLedger(store, longestWindowMs(signInLimits))
  const memory = memoryLedger()
  const now = Date.now()
  const checkMs = await timed(2_000, () => table.standings(keys, now))
  const failMs = await timed(500, (i) => table.record(keys, now + i))
  const checkAfterMs = await timed(2_000, () => table.standings(keys, now + 600))
  const memoryMs = await timed(2_000, () => memory.standings(keys, now))
  // The database's own time for the check, apart from the client's scheduling and the network.
  const explainClient = new pg.Client({ connectionString: database.url })
  await explainClient.connect()
  const plan = await explainClient.query(
    `explain (analyze, format json) select key, failed_at from sign_in_failures
      where (key = $1 and failed_at > $2) or (key = $3 and failed_at > $4) order by failed_at desc`,
    [
      keys[0]?.key,
      new Date(now - 60_000).toISOString(),
      keys[1]?.key,
      new Date(now - 300_000).toISOString(),
    ]
  )
  await explainClient.end()
  const executionMs =
    (plan.rows[0]?.['QUERY PLAN']?.[0]?.['Execution Time'] as number) ?? Number.NaN
  console.log('\n| sign-in throttle on PostgreSQL | ms per call |\n|---|---|')
  console.log(
    `| check, no failures recorded (every credentialed request; from memory) | ${checkMs.toFixed(3)} |`
  )
  console.log(`| check, keys at their limits (reads the table) | ${checkAfterMs.toFixed(3)} |`)
  console.log(`| record a failure (insert + trim, one transaction) | ${failMs.toFixed(3)} |`)
  console.log(`| check in memory (SQLite, one process) | ${memoryMs.toFixed(4)} |`)
  console.log(
    `| check, PostgreSQL's execution time (EXPLAIN ANALYZE) | ${executionMs.toFixed(3)} |`
  )

  const client = new pg.Client({ connectionString: database.url })
  await client.connect()
  const [{ n } = { n: 0 }] = (await client.query('select count(*)::int as n from sign_in_failures'))
    .rows as { n: number }[]
  await client.end()
  console.log(`\nrows kept after 500 failures on two keys: ${n} (trimmed to each key's limit)`)
} catch (error) {
  console.error(error)
  failed = true
} finally {
  for (const cleanup of cleanups.reverse()) {
    await cleanup().catch(() => {})
  }
}
console.log(failed ? '\nfleet benchmark: FAILED' : '\nfleet benchmark: done')
process.exit(failed ? 1 : 0)
