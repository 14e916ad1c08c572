// `pnpm bench`: load on loopback against the real server on an SQLite file, next to the
// baseline of the performance notes. Fails when a target below is missed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import autocannon from 'autocannon'
import { createApp } from '../src/app.ts'
import { bootstrap } from '../src/bootstrap.ts'
import { loadEnv } from '../src/env.ts'
import { createLogger } from '../src/logger.ts'
import { demoRefs } from '../src/test/demo-refs.ts'
import { startBaseline } from './baseline-server.ts'

/** What we promise, as ratios to the baseline and absolute tails (see README, "Benchmarks"). */
const targets = {
  saveThroughputRatio: 0.015,
  saveP99Ms: 250,
  readP99Ms: 150,
  peakRssMiB: 450,
}
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const connections = 16

const dir = mkdtempSync(join(tmpdir(), 'ticket-bench-'))
const env = loadEnv({
  DATABASE_URL: join(dir, 'ticket.db'),
  TICKET_ADMIN_PASSWORD: 'bench-password',
  TICKET_DEMO_DATA: '1',
  LOG_LEVEL: 'silent',
})
const deps = await bootstrap(env, createLogger('silent'))
const server = serve({ fetch: createApp(deps).fetch, port: 0, hostname: '127.0.0.1' })
await new Promise((resolve) => server.once('listening', resolve))
const address = server.address()
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
const baseline = await startBaseline(join(dir, 'baseline.db'))

const refs = await demoRefs(deps.store)
const sample = JSON.parse(
  readFileSync(
    new URL(
      '../../../packages/schema/src/entities/fixtures/post-ticket-sample.json',
      import.meta.url
    ),
    'utf8'
  )
)
const body = JSON.stringify({
  ...sample,
  TicketId: 0,
  OwnedBy: { AssociateId: refs.associates[1]?.associateId },
  Category: { TicketCategoryId: refs.categories[0]?.ticketCategoryId },
  Person: { PersonId: refs.persons[0]?.personId },
  SecondaryPersons: [{ PersonId: refs.persons[1]?.personId }],
})
const headers = {
  authorization: `Basic ${Buffer.from('admin:bench-password').toString('base64')}`,
  'content-type': 'application/json',
}

let peakRss = 0
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
}, 100)

async function load(title: string, options: autocannon.Options) {
  // Warm up: the first request of a credential pays the slow password hash, once.
  await fetch(options.url, {
    method: options.method ?? 'GET',
    headers,
    body: options.body as string,
  })
  const result = await autocannon({ connections, duration: seconds, ...options, title })
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${title}: ${result.non2xx} non-2xx answers, ${result.errors} errors`)
  }
  return result
}

const base = await load('baseline insert', { url: baseline.url, method: 'POST', body, headers })
const save = await load('POST /api/v1/Ticket', {
  url: `${url}/api/v1/Ticket`,
  method: 'POST',
  body,
  headers,
})
const read = await load('GET /api/v1/Ticket/1', { url: `${url}/api/v1/Ticket/1`, headers })
clearInterval(sampler)

const row = (name: string, r: autocannon.Result) =>
  `${name.padEnd(24)} ${r.requests.average.toFixed(0).padStart(7)} req/s  p50 ${String(r.latency.p50).padStart(4)} ms  p99 ${String(r.latency.p99).padStart(4)} ms`
const ratio = save.requests.average / base.requests.average
const rssMiB = peakRss / 2 ** 20
console.log(
  `\n${seconds}s per run, ${connections} connections, ${(Buffer.byteLength(body) / 1024).toFixed(1)} KB ticket body`
)
console.log(row('baseline insert', base))
console.log(row('save (POST /Ticket)', save))
console.log(row('read (GET /Ticket/{id})', read))
console.log(
  `save throughput ratio to baseline: ${ratio.toFixed(3)}; peak RSS ${rssMiB.toFixed(0)} MiB (server and load generator in one process)`
)

const missed = [
  ratio < targets.saveThroughputRatio &&
    `save ratio ${ratio.toFixed(3)} < ${targets.saveThroughputRatio}`,
  save.latency.p99 > targets.saveP99Ms && `save p99 ${save.latency.p99} ms > ${targets.saveP99Ms}`,
  read.latency.p99 > targets.readP99Ms && `read p99 ${read.latency.p99} ms > ${targets.readP99Ms}`,
  rssMiB > targets.peakRssMiB && `peak RSS ${rssMiB.toFixed(0)} MiB > ${targets.peakRssMiB}`,
].filter(Boolean)

baseline.server.close()
server.close()
await deps.shutdown()
rmSync(dir, { recursive: true, force: true })
if (missed.length > 0) {
  console.error(`targets missed: ${missed.join('; ')}`)
  process.exit(1)
}
console.log('all targets met')
