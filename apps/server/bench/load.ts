import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'
import { serverRoot } from './processes.ts'

const run = promisify(execFile)
const generator = resolve(serverRoot, 'bench/load-generator.ts')

export interface LoadRequest {
  url: string
  method: 'GET' | 'POST' | 'PUT' | 'PATCH'
  headers: Record<string, string>
  body?: string
}

export interface LoadResult {
  requests: number
  perSecond: number
  /** Latency percentiles of the 2xx answers, in milliseconds with their fraction. */
  p50: number
  p99: number
  /** autocannon's own p99, whole milliseconds rounded down: how tables before 2026-12-05 read. */
  p99WholeMs: number
  non2xx: number
  /** Answers with a status the scenario expects under concurrency (e.g. 412), not counted as non-2xx. */
  conflicts: number
  errors: number
}

/** What `load-generator.ts` is asked: one load run. */
export interface GeneratorRequest extends LoadRequest {
  connections: number
  seconds: number
}

/** What `load-generator.ts` prints, as one JSON line. */
export interface GeneratorResult {
  requests: number
  non2xx: number
  errors: number
  statusCodeStats: Record<string, { count?: number }>
  /** From each 2xx answer's time, in milliseconds with their fraction. */
  p50: number
  p99: number
  /** autocannon's own p99, in whole milliseconds rounded down. */
  p99WholeMs: number
}

/**
 * One load run by autocannon in its own process (`load-generator.ts`), so the load generator
 * never shares the CPU time or memory we measure with the server.
 */
export async function loadRun(
  request: LoadRequest,
  connections: number,
  seconds: number,
  tolerated: number[] = []
): Promise<LoadResult> {
  const asked: GeneratorRequest = { ...request, connections, seconds }
  const { stdout } = await run('node', ['--import', 'tsx', generator, JSON.stringify(asked)], {
    cwd: serverRoot,
    maxBuffer: 64 * 2 ** 20,
  })
  const result = JSON.parse(stdout) as GeneratorResult
  const conflicts = tolerated.reduce(
    (sum, status) => sum + (result.statusCodeStats[String(status)]?.count ?? 0),
    0
  )
  return {
    requests: result.requests,
    perSecond: result.requests / seconds,
    p50: result.p50,
    p99: result.p99,
    p99WholeMs: result.p99WholeMs,
    non2xx: result.non2xx - conflicts,
    conflicts,
    errors: result.errors,
  }
}
