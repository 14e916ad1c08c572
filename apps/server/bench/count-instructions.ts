// `pnpm bench:instructions [dir…]`: the instructions one request of a scenario costs, counted by
// valgrind's callgrind instead of timed. On this shared machine the same build ran 13–33 % apart
// in runs a minute apart, and side-by-side races of two builds still moved by ±8 %; a count of
// instructions does not depend on what else the machine does, so a change worth a few per cent
// shows. It is a tool for comparing builds, not a target: the targets are judged by `pnpm bench`.
//
// Each build in turn (default: `dist`; e.g. `dist-before dist`) runs as production starts it,
// under callgrind with counting off. After an unmeasured warm-up of `WARM_SECONDS` (20) under
// load, counting is switched on for `COUNT_SECONDS` (8) of the same load, then off, and the count
// is divided by the requests answered in that window. Under valgrind the server runs about forty
// times slower, so the JIT has compiled most of the hot path during the warm-up but not all: two
// counts of one build differ by up to 5 %. Count each build twice, interleaved.
//
// `BY_FUNCTION=N` also lists the N functions that ran the most instructions themselves, per
// request, JavaScript named from V8's perf map (`jit-names.ts`): where a flat time profile
// spreads a create thin, this says which function a cut of a few per cent would come from.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  type FunctionCount,
  instructionsByFunction,
  perfMapOf,
  readCodeNames,
} from './jit-names.ts'
import { loadRun } from './load.ts'
import { serverCommandIn, startService } from './processes.ts'
import { prepareContext, type Scenario, scenarios } from './scenarios.ts'

const scenarioName = process.env.BENCH_SCENARIO ?? 'create'
const warmSeconds = Number(process.env.WARM_SECONDS ?? 20)
const countSeconds = Number(process.env.COUNT_SECONDS ?? 8)
const listed = Number(process.env.BY_FUNCTION ?? 0)
const builds = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['dist']
const scenario: Scenario = (() => {
  const named = scenarios.find((s) => s.name === scenarioName)
  if (!named) {
    throw new Error(`no scenario named ${scenarioName}`)
  }
  return named
})()

// valgrind names its control pipe after the user and host it reads from the environment, and the
// control command must find the same name; HOST is also the address the server listens on.
const controlEnv = { USER: 'bench', LOGNAME: 'bench', HOST: '127.0.0.1' }

interface Counted {
  requests: number
  instructions: number
  /** With `BY_FUNCTION`: every function's own instructions in the counted window. */
  functions: FunctionCount[]
}

/** The production start command, with V8's perf map written when functions are to be named. */
function commandOf(build: string): string[] {
  const [node = 'node', ...rest] = serverCommandIn(build)
  return listed > 0 ? [node, '--perf-basic-prof', ...rest] : [node, ...rest]
}

async function count(build: string): Promise<Counted> {
  const dir = mkdtempSync(join(tmpdir(), 'ticket-instructions-'))
  const underValgrind = [
    'valgrind',
    '--tool=callgrind',
    '--instr-atstart=no',
    '--smc-check=all-non-file',
    `--callgrind-out-file=${dir}/counted`,
    ...commandOf(build),
  ]
  // Forty times slower, the server takes minutes to migrate and load the demo tenant.
  const service = await startService(`file:${join(dir, 'ticket.db')}`, {
    env: controlEnv,
    command: underValgrind,
    readyWithinMs: 15 * 60_000,
  })
  // valgrind runs the server in its own process: the perf map bears this pid.
  const serverPid = service.child.pid ?? 0
  const control = (...flags: string[]) =>
    execFileSync('callgrind_control', [...flags, String(serverPid)], {
      env: { ...process.env, ...controlEnv },
      stdio: 'ignore',
    })
  try {
    const context = await prepareContext(service.url)
    const request = scenario.request(context)
    await loadRun(request, 16, warmSeconds, scenario.tolerated)
    control('--instr=on')
    const counted = await loadRun(request, 16, countSeconds, scenario.tolerated)
    control('--dump')
    control('--instr=off')
    // The dump names its file after the one given, numbered; the file written at exit is empty.
    const dumps = readdirSync(dir)
      .filter((name) => /^counted\.\d+$/.test(name))
      .map((name) => join(dir, name))
    const instructions = dumps
      .map((path) => Number(/^totals: (\d+)$/m.exec(readFileSync(path, 'utf8'))?.[1]))
      .reduce((sum, n) => sum + n, 0)
    if (counted.non2xx > 0 || counted.errors > 0 || !(instructions > 0)) {
      throw new Error(`the counted run failed: ${JSON.stringify(counted)}, ${instructions}`)
    }
    const functions = listed > 0 ? functionsOf(dumps, serverPid) : []
    return { requests: counted.requests, instructions, functions }
  } finally {
    await service.stop()
    rmSync(dir, { recursive: true, force: true })
    if (listed > 0) {
      rmSync(perfMapOf(serverPid), { force: true })
    }
  }
}

/** Each function's own instructions in the dumps, named while the server's perf map is whole. */
function functionsOf(dumps: string[], pid: number): FunctionCount[] {
  const reports = dumps.map((dump) =>
    execFileSync('callgrind_annotate', ['--inclusive=no', '--threshold=100', dump], {
      encoding: 'utf8',
      maxBuffer: 256 * 2 ** 20,
    })
  )
  return instructionsByFunction(reports.join('\n'), readCodeNames(pid))
}

const each = (n: number, requests: number) => Math.round(n / requests).toLocaleString('en')

for (const build of builds) {
  const { requests, instructions, functions } = await count(build)
  console.log(
    `${build}\t${scenarioName}\t${requests} requests\t${each(instructions, requests)} instructions each`
  )
  for (const { name, instructions: own } of functions.slice(0, listed)) {
    const share = ((100 * own) / instructions).toFixed(2).padStart(6)
    console.log(`  ${share} %\t${each(own, requests).padStart(8)}\t${name}`)
  }
}
