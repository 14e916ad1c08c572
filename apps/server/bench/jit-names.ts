// Callgrind knows the functions of the node binary, SQLite and the C library by name, but sees
// JavaScript compiled by V8 only as addresses (`???:0x…`). Started with `--perf-basic-prof`, V8
// writes a perf map (`/tmp/perf-<pid>.map`, one `start size name` line in hex per piece of code it
// makes), which names them: together, a count of instructions by function, JavaScript included.
import { readFileSync } from 'node:fs'

/** Where V8 writes the perf map of the process `pid`. */
export const perfMapOf = (pid: number) => `/tmp/perf-${pid}.map`

/** A name for a code address of the process whose perf map `text` is, if V8 made code there. */
export function codeNames(text: string): (address: number) => string | undefined {
  const ranges = text
    .split('\n')
    .map((line) => /^([0-9a-f]+) ([0-9a-f]+) (.*)$/.exec(line))
    .filter((match) => match !== null)
    .map(([, start = '', size = '', name = '']) => {
      const first = Number.parseInt(start, 16)
      return { start: first, end: first + Number.parseInt(size, 16), name }
    })
    .sort((a, b) => a.start - b.start)
  return (address) => {
    // The last range starting at or before the address, found by halving.
    let low = 0
    let high = ranges.length - 1
    while (low < high) {
      const middle = Math.ceil((low + high) / 2)
      if ((ranges[middle]?.start ?? 0) <= address) {
        low = middle
      } else {
        high = middle - 1
      }
    }
    const range = ranges[low]
    return range && range.start <= address && address < range.end ? range.name : undefined
  }
}

export interface FunctionCount {
  name: string
  instructions: number
}

/**
 * The functions of a `callgrind_annotate --inclusive=no` report with the instructions each ran
 * itself, JIT code named by `nameOf`, most first. Callgrind lists JIT code by the addresses it was
 * entered at, several inside one piece of code: they are summed by name. V8's names keep the
 * tier (`*` optimised, `^` baseline, `~` interpreted), so a function that stays unoptimised
 * shows as such.
 */
export function instructionsByFunction(
  report: string,
  nameOf: (address: number) => string | undefined
): FunctionCount[] {
  const sums = new Map<string, number>()
  for (const line of report.split('\n')) {
    const match = /^\s*([\d,]+) \(\s*[\d.]+%\)\s+(.+)$/.exec(line)
    if (!match || match[2]?.includes('PROGRAM TOTALS')) {
      continue
    }
    const instructions = Number(match[1]?.replaceAll(',', ''))
    const where = match[2] ?? ''
    const address = /^\?\?\?:0x([0-9a-f]+)/.exec(where)?.[1]
    const name = address
      ? (nameOf(Number.parseInt(address, 16)) ?? `unnamed code at 0x${address}`)
      : nativeName(where)
    sums.set(name, (sums.get(name) ?? 0) + instructions)
  }
  return [...sums]
    .map(([name, instructions]) => ({ name, instructions }))
    .sort((a, b) => b.instructions - a.instructions)
}

/** `file:function(arguments) [object]` as `function [object's file name]`. */
function nativeName(where: string): string {
  const object = /\[([^\]]+)\]$/.exec(where)?.[1]?.split('/').pop()
  const signature = where.replace(/ \[[^\]]+\]$/, '').replace(/^[^:]*:/, '')
  const name = signature.replace(/\(.*$/, '')
  return object ? `${name} [${object}]` : name
}

/** The perf map of `pid` as a naming function; none when V8 wrote no map. */
export function readCodeNames(pid: number): (address: number) => string | undefined {
  try {
    return codeNames(readFileSync(perfMapOf(pid), 'utf8'))
  } catch {
    return () => undefined
  }
}
