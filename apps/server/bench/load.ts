import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'
import { serverRoot } from './processes.ts'

const run = promisify(execFile)
const autocannonBin = resolve(serverRoot, 'node_modules/.bin/autocannon')

export interface LoadRequest {
  url: string
  method: 'GET' | 'POST' | 'PUT' | 'PATCH'
  headers: Record<string, string>
  body?: string
}

export interface LoadResult {
  requests: number
  perSecond: number
  p50: number
  p99: number
  non2xx: number
  /** Answers with a status the scenario expects under concurrency (e.g. 412), not counted as non-2xx. */
  conflicts: number
  errors: number
}

/**
 * One load run by autocannon's CLI in its own process, so the load generator never shares the
 * CPU time or memory we measure with the server.
 */
export async function loadRun(
  request: LoadRequest,
  connections: number,
  seconds: number,
  tolerated: number[] = []
): Promise<LoadResult> {
  const args = [
    '--json',
    '--connections',
    String(connections),
    '--duration',
    String(seconds),
    '--method',
    request.method,
  ]
  for (const [name, value] of Object.entries(request.headers)) {
    args.push('--headers', `${name}=${value}`)
  }
  if (request.body !== undefined) {
    args.push('--body', request.body)
  }
  args.push(request.url)
  const { stdout } = await run(autocannonBin, args, { maxBuffer: 64 * 2 ** 20 })
  const json = JSON.parse(stdout) as {
    requests: { total: number; average: number }
    latency: { p50: number; p99: number }
    non2xx: number
    errors: number
    statusCodeStats?: Record<string, { count: number }>
  }
  const conflicts = tolerated.reduce(
    (sum, status) => sum + (json.statusCodeStats?.[String(status)]?.count ?? 0),
    0
  )
  return {
    requests: json.requests.total,
    perSecond: json.requests.total / seconds,
    p50: json.latency.p50,
    p99: json.latency.p99,
    non2xx: json.non2xx - conflicts,
    conflicts,
    errors: json.errors,
  }
}
