import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { serverRoot } from './processes.ts'
import { scenarios } from './scenarios.ts'

const run = promisify(execFile)

// Keeps the benchmark working without asserting speed: every scenario answers 2xx on both
// dialects when the real server process is loaded for a second.
describe('the benchmark, as a smoke run', () => {
  it('runs every scenario on SQLite and PostgreSQL without a non-2xx answer', async () => {
    const { stdout } = await run('node', ['--import', 'tsx', 'bench/run.ts', '--smoke'], {
      cwd: serverRoot,
      env: { ...process.env, BENCH_SECONDS: '1', BENCH_ROUNDS: '1', BENCH_JUDGED_ROUNDS: '2' },
    })
    expect(stdout).toMatch(/^machine: .+, \d+ cores, Linux .+, Node v\d+/m)
    for (const dialect of ['sqlite', 'pg']) {
      for (const scenario of scenarios) {
        expect(stdout).toMatch(
          new RegExp(`^\\| ${dialect}/${literal(scenario.name)} \\| \\d+ `, 'm')
        )
      }
    }
    expect(stdout).toMatch(/^1 alternating round\(s\) \(2 for a pair a target judges\)/m)
    // A pair no target judges runs one round: each "by round" cell holds one figure, the same
    // as the median beside it. The create, which targets judge, runs two.
    const update = rowOf(stdout, 'sqlite/update by id (PUT)')
    expect(update['ratio by round']).toMatch(/^\d+\.\d{3}$/)
    expect(`${update['ratio by round']}×`).toBe(update.ratio)
    expect(update['base req/s by round']).toBe(update['base req/s'])
    const create = rowOf(stdout, 'sqlite/create')
    expect(create['ratio by round']).toMatch(/^\d+\.\d{3} \d+\.\d{3}$/)
    expect(rowOf(stdout, 'pg/create')['base req/s by round']).toMatch(/^\d+ \d+$/)
    // Beside the verdicts: each judged pair's median of its rounds' own ratios (of two rounds,
    // their mean).
    const [first = Number.NaN, second = Number.NaN] = (create['ratio by round'] ?? '')
      .split(' ')
      .map(Number)
    const printed = /^median of the rounds' own ratios \(judges nothing\): (.*)$/m.exec(stdout)?.[1]
    expect(printed).toMatch(/^sqlite\/create [\d.]+, sqlite\/GET by id [\d.]+, pg\/create [\d.]+$/)
    const createCell = /sqlite\/create ([\d.]+)/.exec(printed ?? '')?.[1]
    expect(Number(createCell)).toBeCloseTo((first + second) / 2, 2)
    // The system time is a part of the CPU time.
    for (const [part, whole] of [
      ['system ms/req', 'CPU ms/req'],
      ['base system ms/req', 'base CPU ms/req'],
    ] as const) {
      expect(Number(create[part])).toBeGreaterThanOrEqual(0)
      expect(Number(create[part])).toBeLessThanOrEqual(Number(create[whole]))
    }
    expect(stdout).toMatch(/benchmark: passed\n$/)
  }, 400_000)

  it('races a second build in place of the baseline when BENCH_COMPARE names one', async () => {
    // The run's own build raced against itself: every row is a comparison, and no target is
    // judged.
    const { stdout } = await run('node', ['--import', 'tsx', 'bench/run.ts', '--smoke'], {
      cwd: serverRoot,
      env: {
        ...process.env,
        BENCH_SECONDS: '1',
        BENCH_ROUNDS: '1',
        BENCH_COMPARE: 'dist',
        BENCH_SCENARIOS: 'create',
      },
    })
    expect(stdout).toMatch(/\(the build in dist\) in brackets/)
    for (const dialect of ['sqlite', 'pg']) {
      expect(stdout).toMatch(new RegExp(`^\\| compare/${dialect}/create \\| \\d+ \\| \\d+ `, 'm'))
    }
    expect(stdout).not.toMatch(/^\| (sqlite|pg)\/create /m)
    expect(stdout).toMatch(/benchmark: passed\n$/)
  }, 400_000)
})

/** A row of the printed table by its name, as cells keyed by the header's column names. */
function rowOf(stdout: string, name: string): Record<string, string> {
  const cellsOf = (line: string) =>
    line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim())
  const lines = stdout.split('\n')
  const header = cellsOf(lines.find((line) => line.startsWith('| scenario |')) ?? '')
  const row = cellsOf(lines.find((line) => line.startsWith(`| ${name} |`)) ?? '')
  return Object.fromEntries(header.map((column, i) => [column, row[i] ?? '']))
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
