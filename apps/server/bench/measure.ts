import { type LoadRequest, type LoadResult, loadRun } from './load.ts'
import {
  cpuTimes,
  flushDirtyPages,
  mainThreadCpuSeconds,
  peakRssMiB,
  postgresPids,
  resetPeakRss,
  totalOf,
  untilIdle,
} from './processes.ts'

export interface Measurement extends LoadResult {
  /** Server CPU (user + system) per request, in milliseconds. */
  cpuMsPerRequest: number
  /** The part of it on the main thread, the one that runs JavaScript. */
  mainThreadMsPerRequest: number
  /** The part of it in the kernel (system time), every thread counted. */
  systemMsPerRequest: number
  peakRssMiB: number
}

/**
 * One load run against one process, with that process's CPU time and peak memory. It starts
 * once earlier runs' writes are on disk and the process and PostgreSQL are idle, and the CPU is
 * read once they are idle again: work the run leaves behind is counted to the process that
 * caused it, and never slows the next run.
 */
export async function measure(
  pid: number,
  request: LoadRequest,
  connections: number,
  seconds: number,
  tolerated: number[] = [],
  /** Waits for idle before and after (a smoke run, which judges nothing, skips it). */
  settle = true
): Promise<Measurement> {
  const measured = () => [pid, ...postgresPids()]
  if (settle) {
    flushDirtyPages()
    await untilIdle(measured)
  }
  resetPeakRss(pid)
  const before = cpuTimes(pid)
  const mainBefore = mainThreadCpuSeconds(pid)
  const result = await loadRun(request, connections, seconds, tolerated)
  if (settle) {
    await untilIdle(measured)
  }
  const after = cpuTimes(pid)
  const mainThread = mainThreadCpuSeconds(pid) - mainBefore
  const perRequest = (seconds: number) =>
    result.requests > 0 ? (seconds * 1000) / result.requests : Number.NaN
  return {
    ...result,
    cpuMsPerRequest: perRequest(totalOf(after) - totalOf(before)),
    mainThreadMsPerRequest: perRequest(mainThread),
    systemMsPerRequest: perRequest(after.system - before.system),
    peakRssMiB: peakRssMiB(pid),
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2
}

/** Medians over rounds; non-2xx and errors are summed (one is already too many). */
export function summarise(runs: Measurement[]): Measurement {
  const of = (pick: (m: Measurement) => number) => median(runs.map(pick))
  return {
    requests: of((m) => m.requests),
    perSecond: of((m) => m.perSecond),
    p50: of((m) => m.p50),
    p99: of((m) => m.p99),
    p99WholeMs: of((m) => m.p99WholeMs),
    cpuMsPerRequest: of((m) => m.cpuMsPerRequest),
    mainThreadMsPerRequest: of((m) => m.mainThreadMsPerRequest),
    systemMsPerRequest: of((m) => m.systemMsPerRequest),
    peakRssMiB: Math.max(...runs.map((m) => m.peakRssMiB)),
    non2xx: runs.reduce((sum, m) => sum + m.non2xx, 0),
    conflicts: runs.reduce((sum, m) => sum + m.conflicts, 0),
    errors: runs.reduce((sum, m) => sum + m.errors, 0),
  }
}
