import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const serverRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * How production starts the server (`pnpm start`, after `pnpm build`): one plain node process,
 * with the flags of the package's start script, read from it so the two never differ.
 */
export const serverCommand = (
  JSON.parse(readFileSync(resolve(serverRoot, 'package.json'), 'utf8')) as {
    scripts: { start: string }
  }
).scripts.start.split(/\s+/)

/**
 * The start command with the build in `dir` (a directory of this package, as `dist` is: the
 * build finds its dependencies and migrations from there) in place of `dist`.
 */
export function serverCommandIn(dir: string): string[] {
  return serverCommand.map((part) => (part.startsWith('dist/') ? `${dir}/${part.slice(5)}` : part))
}

/** Builds dist/ the way `pnpm build` does, so the benchmark runs what production runs. */
export async function buildServer(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn('node', ['--import', 'tsx', 'scripts/build.ts'], {
      cwd: serverRoot,
      stdio: 'inherit',
    })
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`the build failed (${code})`))
    )
  })
}

export interface Running {
  readonly url: string
  readonly child: ChildProcess
  stop(): Promise<void>
}

/** Starts a process and waits until a line of its output names the port it listens on. */
async function startListening(
  command: string[],
  env: Record<string, string>,
  portOf: (line: string) => number | undefined,
  what: string
): Promise<Running> {
  const [file = 'node', ...args] = command
  const child = spawn(file, args, {
    cwd: serverRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const port = await new Promise<number>((resolvePort, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      for (const line of output.split('\n')) {
        const port = portOf(line)
        if (port) {
          resolvePort(port)
        }
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) =>
      reject(new Error(`${what} exited (${code}) before listening:\n${output}`))
    )
  })
  child.stdout?.removeAllListeners('data')
  child.stderr?.removeAllListeners('data')
  child.stdout?.resume()
  child.stderr?.resume()
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) {
          done()
          return
        }
        child.once('exit', () => done())
        child.kill('SIGTERM')
      }),
  }
}

/** How a benchmark server is started, beyond its database. */
export interface ServiceOptions {
  /** Added to (and overriding) the benchmark's environment. */
  env?: Record<string, string>
  /** Another build (`serverCommandIn`), or the server under a tool. */
  command?: string[]
  /** How long migrating and loading the demo tenant may take: longer under a slow tool. */
  readyWithinMs?: number
}

/**
 * Starts the service and waits until it is ready: it listens at once but answers 503 while it
 * migrates and loads the demo tenant.
 */
export async function startService(
  databaseUrl: string,
  { env: extraEnv = {}, command = serverCommand, readyWithinMs = 120_000 }: ServiceOptions = {}
) {
  const running = await startListening(
    command,
    {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      TICKET_ADMIN_PASSWORD: 'bench-password',
      TICKET_DEMO_DATA: '1',
      LOG_LEVEL: 'info',
      ...extraEnv,
    },
    (line) => {
      if (!line.startsWith('{')) {
        return undefined
      }
      try {
        const entry = JSON.parse(line) as { message?: string; msg?: string; url?: string }
        return (entry.message ?? entry.msg) === 'listening' && entry.url
          ? Number(new URL(entry.url).port)
          : undefined
      } catch {
        return undefined
      }
    },
    'the server'
  )
  const deadline = Date.now() + readyWithinMs
  while (
    !(await fetch(`${running.url}/readyz`).then(
      (r) => r.ok,
      () => false
    ))
  ) {
    if (Date.now() > deadline || running.child.exitCode !== null) {
      await running.stop()
      throw new Error('the server did not become ready')
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return running
}

export function startBaseline(path: string) {
  return startListening(
    ['node', '--import', 'tsx', 'bench/baseline-server.ts', path],
    {},
    (line) => {
      const match = /^listening (\d+)/.exec(line)
      return match ? Number(match[1]) : undefined
    },
    'the baseline'
  )
}

const ticksPerSecond = 100

/** CPU seconds, split as the kernel counts them: in the process's own code, and in the kernel. */
export interface CpuTimes {
  user: number
  /**
   * Time in the kernel on the process's behalf (its socket reads and writes, SQLite's writes to
   * the log). The raw baseline spends about half its time there and the service about a sixth,
   * so when the kernel's cost moves, it shows that the yardstick moved more than the service.
   */
  system: number
}

/** CPU seconds in a /proc stat file: utime and stime, fields 14 and 15. */
function statCpu(path: string): CpuTimes {
  const stat = readFileSync(path, 'utf8')
  // Fields after the parenthesised command name.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return {
    user: Number(fields[11]) / ticksPerSecond,
    system: Number(fields[12]) / ticksPerSecond,
  }
}

export const totalOf = ({ user, system }: CpuTimes) => user + system

/** CPU seconds the process has used so far, every thread counted, from one read of its stat. */
export function cpuTimes(pid: number): CpuTimes {
  return statCpu(`/proc/${pid}/stat`)
}

/** CPU seconds (user + system) the process has used so far, every thread counted. */
function cpuSeconds(pid: number): number {
  return totalOf(cpuTimes(pid))
}

/**
 * CPU seconds of the process's main thread alone (the thread whose id is the process's): the
 * one thread that runs JavaScript, so its share shows how close a run is to one core's limit.
 */
export function mainThreadCpuSeconds(pid: number): number {
  return totalOf(statCpu(`/proc/${pid}/task/${pid}/stat`))
}

/** Peak resident memory in MiB (VmHWM) since start or the last `resetPeakRss`. */
export function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0)
  return kb / 1024
}

/** Resets VmHWM to the current RSS (Linux clear_refs, value 5), so a peak belongs to one run. */
export function resetPeakRss(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5')
  } catch {
    // Not permitted here: the peak then covers the process's whole life, which only overstates.
  }
}

/** The PostgreSQL server's processes on this machine (the benchmark's database runs here too). */
export function postgresPids(): number[] {
  const pids: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue
    }
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      if (stat.includes('(postgres)') || stat.includes('(postmaster)')) {
        pids.push(Number(entry))
      }
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return pids
}

/** CPU seconds of `pids` together; a process that has ended counts nothing. */
export function cpuSecondsOf(pids: number[]): number {
  let sum = 0
  for (const pid of pids) {
    try {
      sum += cpuSeconds(pid)
    } catch {
      // Ended since it was listed.
    }
  }
  return sum
}

const idleWindowMs = 100
/** Below this share of one core over a window, a process counts as idle. */
const idleShare = 0.05
const idleWaitLimitMs = 5_000

/**
 * Waits until `pids` together use less than 5 % of a core over 100 ms (at most 5 s), so work
 * a run leaves behind (a WAL checkpoint, PostgreSQL's writer, garbage collection) finishes before
 * the next run starts instead of slowing it.
 */
export async function untilIdle(pids: () => number[]): Promise<void> {
  const total = () => cpuSecondsOf(pids())
  const deadline = Date.now() + idleWaitLimitMs
  let before = total()
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, idleWindowMs))
    const now = total()
    if (now - before < (idleShare * idleWindowMs) / 1000) {
      return
    }
    before = now
  }
}

/**
 * Writes the machine's dirty pages to disk (`sync`), so every run starts with the same empty
 * write-back budget. A baseline run writes about 100 MB/s; once the kernel's dirty-page limit
 * fills (about 2.3 GB here), it throttles the writer, and the baseline's rate fell from about
 * 9,500 to 6,000 creates/s depending on what earlier runs had left unwritten.
 */
export function flushDirtyPages(): void {
  execFileSync('sync')
}
