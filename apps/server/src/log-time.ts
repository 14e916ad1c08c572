/**
 * A log line's time as pino's `isoTime` writes it (`,"time":"2026-12-02T01:10:00.123Z"`), with
 * the part up to the seconds formatted once a second instead of a Date made and formatted for
 * every line: the access log writes one line a request.
 */
export function isoTimeOncePerSecond(now: () => number = Date.now): () => string {
  let second = Number.NaN
  let prefix = ''
  return () => {
    const at = now()
    const ms = at % 1000
    if (at - ms !== second) {
      second = at - ms
      // "2026-12-02T01:10:00." of "2026-12-02T01:10:00.000Z"
      prefix = `,"time":"${new Date(second).toISOString().slice(0, 20)}`
    }
    return `${prefix}${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}Z"`
  }
}
