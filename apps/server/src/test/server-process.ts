import { type ChildProcess, spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { createServer } from 'node:net'
import { onTestFinished } from 'vitest'

/** A loopback port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

export interface RunningProcess {
  child: ChildProcess
  baseUrl: string
  exited: Promise<number | null>
  output(): string
}

/**
 * Spawns a real server process (any command) on a free port and waits until `/readyz` answers.
 * The process and everything it started are killed when the test finishes.
 */
export async function startProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; readyWithinMs?: number }
): Promise<RunningProcess> {
  const port = await freePort()
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  onTestFinished(() => {
    for (const pid of [...descendants(child.pid ?? 0), child.pid ?? 0]) {
      try {
        process.kill(pid, 'SIGKILL')
      } catch {}
    }
  })
  const baseUrl = `http://127.0.0.1:${port}`
  const deadline = Date.now() + (options.readyWithinMs ?? 15_000)
  let exitedEarly = false
  void exited.then(() => {
    exitedEarly = true
  })
  while (Date.now() < deadline && !exitedEarly) {
    const ok = await fetch(`${baseUrl}/readyz`).then(
      (r) => r.ok,
      () => false
    )
    if (ok) {
      return { child, baseUrl, exited, output: () => output }
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`${command} ${args.join(' ')} did not become healthy:\n${output}`)
}

/** Every live process below `pid` (children, grandchildren, …), read from /proc. */
export function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue
    }
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      // The command name may contain spaces and parentheses; the fields after the last ')' don't.
      const [, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      parentOf.set(Number(entry), Number(ppid))
    } catch {}
  }
  const found: number[] = []
  const queue = [pid]
  while (queue.length > 0) {
    const parent = queue.shift()
    for (const [child, ppid] of parentOf) {
      if (ppid === parent) {
        found.push(child)
        queue.push(child)
      }
    }
  }
  return found
}

/** Whether a process still exists (a zombie counts as gone). */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'
  } catch {
    return false
  }
}

const serverDir = new URL('../..', import.meta.url).pathname

export interface ServerProcess {
  child: ChildProcess
  baseUrl: string
  port: number
  /** Everything the process wrote to stderr so far. */
  stderr(): string
  exited: Promise<number | null>
  /** Resolves once `/readyz` answers 200; rejects if the process exits first. */
  ready(timeoutMs?: number): Promise<void>
}

/**
 * Starts the server from source (`src/main.ts`) as a child process on a free port without
 * waiting for it (several may start together); killed when the test finishes, or by the
 * `cleanup` hook given (e.g. `afterAll` for processes shared by several tests). `ready()` waits
 * until it serves.
 */
export async function startServerProcess(
  env: Record<string, string>,
  options: { port?: number; cleanup?: (fn: () => void) => void } = {}
): Promise<ServerProcess> {
  const port = options.port ?? (await freePort())
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  ;(options.cleanup ?? onTestFinished)(() => {
    for (const pid of [...descendants(child.pid ?? 0), child.pid ?? 0]) {
      try {
        process.kill(pid, 'SIGKILL')
      } catch {}
    }
  })
  let stderr = ''
  child.stderr?.on('data', (chunk) => {
    stderr += chunk
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const baseUrl = `http://127.0.0.1:${port}`
  return {
    child,
    baseUrl,
    port,
    stderr: () => stderr,
    exited,
    async ready(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs
      let gone = false
      void exited.then(() => {
        gone = true
      })
      while (Date.now() < deadline) {
        if (gone) {
          throw new Error(`the server exited before it was ready:\n${stderr}`)
        }
        const ok = await fetch(`${baseUrl}/readyz`).then(
          (r) => r.ok,
          () => false
        )
        if (ok) {
          return
        }
        await new Promise((r) => setTimeout(r, 50))
      }
      throw new Error(`the server was not ready within ${timeoutMs} ms:\n${stderr}`)
    },
  }
}
