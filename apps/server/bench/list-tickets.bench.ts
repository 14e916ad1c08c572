// `pnpm --filter @ticket/server bench:list`: the Ticket archive at 1,000,000 tickets on an SQLite
// file. The server runs in its own process and autocannon in another (`load.ts`), so the load
// generator never shares the server's CPU time. Prints p99 per scenario and the query plans;
// exits 1 when a target is missed. BENCH_TICKETS and BENCH_SECONDS scale it down for a smoke run.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { sql } from 'drizzle-orm'
import { bootstrap } from '../src/bootstrap.ts'
import { rawRows } from '../src/db/raw-rows.ts'
import { openStore } from '../src/db/store.ts'
import { loadEnv } from '../src/env.ts'
import { archiveQuery, listTickets } from '../src/listing/list-tickets.ts'
import { createLogger } from '../src/logger.ts'
import { demoRefs } from '../src/test/demo-refs.ts'
import { seedTickets } from '../src/test/seeded-tickets.ts'
import { loadRun } from './load.ts'
import { percentile } from './percentile.ts'

const targets = { queueP99Ms: 20, searchP99Ms: 50 }
const count = Number(process.env.BENCH_TICKETS ?? 1_000_000)
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const connections = 4
const password = 'bench-password'
const serverDir = resolve(import.meta.dirname, '..')

const dir = mkdtempSync(join(tmpdir(), 'ticket-list-bench-'))
const file = join(dir, 'ticket.db')
const env = loadEnv({
  DATABASE_URL: file,
  TICKET_ADMIN_PASSWORD: password,
  TICKET_DEMO_DATA: '1',
  LOG_LEVEL: 'silent',
})
const authorization = `Basic ${Buffer.from(`admin:${password}`).toString('base64')}`

// 1. Migrate, load the demo tenant, then fill the database through the bulk import (the
// `tickets:import` path: each line validated and resolved like a create, multi-row inserts; the
// full-text triggers run for every row).
const deps = await bootstrap(env, createLogger('silent'))
const refs = await demoRefs(deps.store)
const ownerIds = refs.associates.map((a) => a.associateId)
const owner = ownerIds[1] ?? 1
const admin = refs.associates.find((a) => a.isAdmin) ?? refs.associates[0]
const seedStart = performance.now()
const imported = await seedTickets(
  { store: deps.store, catalog: deps.catalog },
  count,
  ownerIds,
  admin
)
await deps.shutdown()
// Let the planner learn the data, as `ANALYZE` after a large import would.
const connection = new BetterSqlite3(file)
connection.exec('ANALYZE')
connection.close()
console.log(
  `imported ${JSON.stringify(imported)} in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`
)

const scenarios = [
  {
    name: `queue: baseStatus eq Active and ownedBy eq ${owner}, createdAt desc, $top=50`,
    request: {
      filter: `baseStatus eq 'Active' and ownedBy eq ${owner}`,
      orderBy: 'createdAt desc',
      top: 50,
    },
    target: targets.queueP99Ms,
  },
  {
    name: "search: search eq 'printer fire', ranked, $top=50",
    request: { filter: "search eq 'printer fire'", top: 50 },
    target: targets.searchP99Ms,
  },
]

// 3. The query plans, from the same builder the route uses.
const store = await openStore(file)
for (const scenario of scenarios) {
  const { query } = archiveQuery(store, { ...scenario.request, mode: 'Slim', zone: null })
  const plan = await rawRows(store, sql`explain query plan ${query}`)
  console.log(`\nEXPLAIN QUERY PLAN (${scenario.name}):`)
  for (const step of plan) {
    console.log(`  ${step.detail}`)
  }
  // The archive alone (parse, build, run, shape rows), without HTTP, auth or the machine's
  // other load on the request path: what the indexes and the query decide.
  const times: number[] = []
  for (let i = 0; i < 300; i++) {
    const start = performance.now()
    await listTickets(store, { ...scenario.request, mode: 'Slim', zone: null })
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const at = (share: number) => percentile(times, share).toFixed(2)
  console.log(`  in process, 300 runs: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`)
}
await store.close()

// 4. The real server in its own process.
const port = 20000 + Math.floor(Math.random() * 20000)
const server: ChildProcess = spawn('node', ['--import', 'tsx', 'src/main.ts'], {
  cwd: serverDir,
  env: {
    ...process.env,
    DATABASE_URL: file,
    PORT: String(port),
    HOST: '127.0.0.1',
    TICKET_ADMIN_PASSWORD: password,
    LOG_LEVEL: process.env.BENCH_LOG ?? 'silent',
  },
  stdio: 'inherit',
})
// Never leave the server behind, whatever happens below.
process.on('exit', () => server.kill('SIGTERM'))
const base = `http://127.0.0.1:${port}`
for (let i = 0; ; i++) {
  const ready = await fetch(`${base}/readyz`).then(
    (r) => r.ok,
    () => false
  )
  if (ready) {
    break
  }
  if (i > 300) {
    throw new Error('the server did not become ready')
  }
  await new Promise((r) => setTimeout(r, 100))
}

// 5. autocannon in a third process, one scenario at a time. GET /healthz first, as the
// yardstick of what the machine gives any request right now (it is shared).
const load = (url: string) =>
  loadRun({ url, method: 'GET', headers: { authorization } }, connections, seconds)
/** One request to see the scenario answers rows; retried once, as a connection may be reset. */
async function fetchRows(url: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      const check = await fetch(url, { headers: { authorization, connection: 'close' } })
      return { check, body: (await check.json()) as { value: unknown[] } }
    } catch (error) {
      if (attempt > 0) {
        throw error
      }
    }
  }
}
let missed = false
const yardstick = await load(`${base}/healthz`)
console.log(
  `\nGET /healthz (yardstick): ${yardstick.perSecond.toFixed(0)} req/s, p50 ${yardstick.p50.toFixed(2)} ms, p99 ${yardstick.p99.toFixed(2)} ms`
)
for (const scenario of scenarios) {
  const params = new URLSearchParams({
    $filter: scenario.request.filter,
    $top: String(scenario.request.top),
    ...('orderBy' in scenario.request ? { $orderBy: scenario.request.orderBy } : {}),
  })
  const url = `${base}/api/v1/Ticket?${params}`
  const { check, body } = await fetchRows(url)
  const result = await load(url)
  const ok = check.status === 200 && result.non2xx === 0 && result.errors === 0
  const met = ok && result.p99 <= scenario.target
  missed ||= !met
  console.log(
    `${scenario.name}: ${body.value.length} rows; ${result.perSecond.toFixed(0)} req/s, p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms (target ≤ ${scenario.target} ms), ${result.non2xx} non-2xx, ${result.errors} errors: ${met ? 'met' : 'MISSED'}`
  )
}
server.kill('SIGTERM')
await new Promise((r) => server.once('exit', r))
rmSync(dir, { recursive: true, force: true })
process.exit(missed ? 1 : 0)
