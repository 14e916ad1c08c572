import { describe, expect, it } from 'vitest'
import { codeNames, instructionsByFunction } from './jit-names.ts'

const perfMap = [
  '2a00 40 JS:*saveTicket file:///srv/dist/main.js:10:3',
  '1000 100 Builtins_JsonStringify',
  '2000 20 JS:^saveTicket file:///srv/dist/main.js:10:3',
].join('\n')

describe('codeNames', () => {
  const nameOf = codeNames(perfMap)

  it('names an address inside a piece of code, its first and last byte included', () => {
    expect(nameOf(0x1000)).toBe('Builtins_JsonStringify')
    expect(nameOf(0x10ff)).toBe('Builtins_JsonStringify')
    expect(nameOf(0x2a3f)).toBe('JS:*saveTicket file:///srv/dist/main.js:10:3')
  })

  it('names nothing between pieces of code, before the first or after the last', () => {
    expect(nameOf(0x1100)).toBeUndefined()
    expect(nameOf(0x0fff)).toBeUndefined()
    expect(nameOf(0x2a40)).toBeUndefined()
  })
})

describe('instructionsByFunction', () => {
  const report = [
    '--------------------------------------------------------------------------------',
    '681,808,065 (100.0%)  PROGRAM TOTALS',
    '--------------------------------------------------------------------------------',
    '25,524,032 ( 3.74%)  ???:v8::internal::JsonStringifier::SerializeString(v8::internal::Handle<v8::internal::String>) [/usr/bin/node]',
    '13,415,786 ( 1.97%)  ./malloc/./malloc/malloc.c:_int_malloc [/usr/lib/x86_64-linux-gnu/libc.so.6]',
    '    20,000 ( 0.01%)  ???:0x0000000000002a10 [???]',
    '     5,000 ( 0.01%)  ???:0x0000000000002004 [???]',
    '     3,000 ( 0.00%)  ???:0x0000000000002a30 [???]',
    '     1,000 ( 0.00%)  ???:0x0000000000009999 [???]',
  ].join('\n')

  it('names native functions by symbol and library, JIT code from the perf map, most first', () => {
    const counts = instructionsByFunction(report, (address) =>
      address >= 0x2a00 && address < 0x2a40 ? 'JS:*saveTicket' : undefined
    )
    expect(counts).toEqual([
      {
        name: 'v8::internal::JsonStringifier::SerializeString [node]',
        instructions: 25_524_032,
      },
      { name: '_int_malloc [libc.so.6]', instructions: 13_415_786 },
      { name: 'JS:*saveTicket', instructions: 23_000 },
      { name: 'unnamed code at 0x0000000000002004', instructions: 5_000 },
      { name: 'unnamed code at 0x0000000000009999', instructions: 1_000 },
    ])
  })

  it('sums the addresses of one piece of code, and keeps each tier of a function apart', () => {
    const counts = instructionsByFunction(report, codeNames(perfMap))
    const saves = counts.filter((c) => c.name.includes('saveTicket'))
    expect(saves).toEqual([
      { name: 'JS:*saveTicket file:///srv/dist/main.js:10:3', instructions: 23_000 },
      { name: 'JS:^saveTicket file:///srv/dist/main.js:10:3', instructions: 5_000 },
    ])
    const twice = instructionsByFunction(`${report}\n${report}`, codeNames(perfMap))
    expect(twice[0]).toEqual({
      name: 'v8::internal::JsonStringifier::SerializeString [node]',
      instructions: 51_048_064,
    })
  })
})
