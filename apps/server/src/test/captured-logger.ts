import { Writable } from 'node:stream'
import { createLogger } from '../logger.ts'

/** A logger at `level` whose JSON lines land in an array, parsed, in the order written. */
export function capturedLogger(level: 'info' | 'debug') {
  const lines: Array<Record<string, unknown>> = []
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        lines.push(JSON.parse(line))
      }
      done()
    },
  })
  return { logger: createLogger(level, sink), lines }
}
