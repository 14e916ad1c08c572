import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { onTestFinished } from 'vitest'

const serverRoot = fileURLToPath(new URL('../../../', import.meta.url))

export interface Script {
  child: ChildProcess
  stdout: () => string
  stderr: () => string
  /** Resolves with the exit code. */
  exited: Promise<number | null>
  /** Resolves once stderr matches (or rejects when the process ends first). */
  waitForStderr(pattern: RegExp): Promise<RegExpMatchArray>
}

/**
 * Runs a server script (`src/main.ts`, a CLI) as its own Node process through tsx, with exactly
 * the environment given: nothing leaks in from the test runner's environment.
 */
export function runScript(script: string, args: string[], env: Record<string, string>): Script {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: serverRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  const waiters: Array<() => void> = []
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8')
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8')
    for (const wake of waiters) {
      wake()
    }
  })
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
  onTestFinished(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL')
      await exited
    }
  })
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForStderr: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = err.match(pattern)
          if (match) {
            resolve(match)
          }
          return match !== null
        }
        if (check()) {
          return
        }
        waiters.push(check)
        exited.then(() => {
          if (!check()) {
            reject(new Error(`process ended before ${pattern}; stderr:\n${err}`))
          }
        })
      }),
  }
}
