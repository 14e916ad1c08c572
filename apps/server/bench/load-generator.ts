// The load generator, started by `load.ts` as its own process so that it never shares the CPU
// time or memory measured with the server. It runs autocannon and keeps the time of every 2xx
// answer: autocannon's own histogram keeps whole milliseconds, rounded down, so a baseline whose
// p99 is 2.95 ms would read 2 ms.
import autocannon from 'autocannon'
import type { GeneratorRequest, LoadResult } from './load.ts'
import { percentile } from './percentile.ts'

const request = JSON.parse(process.argv[2] ?? '{}') as GeneratorRequest
const times: number[] = []
const instance = autocannon(
  {
    url: request.url,
    connections: request.connections,
    duration: request.seconds,
    method: request.method,
    headers: request.headers,
    body: request.body,
  },
  (error, result) => {
    if (error) {
      console.error(error)
      process.exit(1)
    }
    const sorted = Float64Array.from(times).sort()
    const conflicts = request.tolerated.reduce(
      (sum, status) => sum + (result.statusCodeStats?.[`${status}`]?.count ?? 0),
      0
    )
    const printed: LoadResult = {
      requests: result.requests.total,
      perSecond: result.requests.total / request.seconds,
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
      p99WholeMs: result.latency.p99,
      non2xx: result.non2xx - conflicts,
      conflicts,
      errors: result.errors,
    }
    process.stdout.write(`${JSON.stringify(printed)}\n`)
  }
)
instance.on('response', (_client, statusCode, _bytes, responseTime) => {
  if (statusCode >= 200 && statusCode < 300) {
    times.push(responseTime)
  }
})
