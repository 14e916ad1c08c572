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

/** What `load-generator.ts` is asked: one load run. It prints a `LoadResult` as one JSON line. */
export interface GeneratorRequest extends LoadRequest {
  connections: number
  seconds: number
  tolerated: number[]
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
  const asked: GeneratorRequest = { ...request, connections, seconds, tolerated }
  const { stdout } = await run('node', ['--import', 'tsx', generator, JSON.stringify(asked)], {
    cwd: serverRoot,
    maxBuffer: 64 * 2 ** 20,
  })
  return JSON.parse(stdout) as LoadResult
}
