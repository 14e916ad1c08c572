/**
 * How far below the highest NotificationId a stream sent its resume point remembers which ids
 * went out. Ids are taken at insert and transactions commit out of order (several processes,
 * several connections), so a notification may reach the table after a higher one was sent; one
 * that commits more than this many ids late is taken as lost, as a replay after a lost feed is.
 */
export const RESUME_WINDOW = 500

/**
 * What a stream's client has been given, in the SSE `id` it echoes as `Last-Event-ID`: every
 * NotificationId up to `low`, and above it the ids in `above` (all within `RESUME_WINDOW` of
 * `low`). Written `low`, or `low~bits` where bit i (least significant first, base64url) stands
 * for `low + 1 + i`. A plain number, the whole id before ids above it were remembered, keeps its
 * meaning: everything up to it.
 */
export interface ResumePoint {
  low: number
  above: number[]
}

/**
 * The resume point of a stream whose floor is `floor` (nothing at or below it is owed: the
 * client's own resume point, or the newest notification when it connected) and which sent the
 * ids in `sent`. Ids more than the window below the highest sent are given up. `low` rises over
 * the ids sent in a row, so a stream whose notifications arrive in order has a plain number.
 *
 * @example formatResumePoint(resumePointOf(0, new Set([1, 2, 5]))) // '2~BA'
 */
export function resumePointOf(floor: number, sent: ReadonlySet<number>): ResumePoint {
  let highest = floor
  for (const id of sent) {
    highest = Math.max(highest, id)
  }
  let low = Math.max(floor, highest - RESUME_WINDOW)
  while (sent.has(low + 1)) {
    low += 1
  }
  const above = [...sent].filter((id) => id > low).sort((a, b) => a - b)
  return { low, above }
}

export function formatResumePoint({ low, above }: ResumePoint): string {
  if (above.length === 0) {
    return String(low)
  }
  const bits = Buffer.alloc(Math.ceil((Math.max(...above) - low) / 8))
  for (const id of above) {
    const bit = id - low - 1
    bits[bit >> 3] = (bits[bit >> 3] ?? 0) | (1 << (bit & 7))
  }
  return `${low}~${bits.toString('base64url')}`
}

/**
 * Reads a `Last-Event-ID` the schema's pattern accepted (digits, optionally `~` and base64url).
 * Bits beyond the window are ignored: no stream writes them.
 */
export function parseResumePoint(text: string): ResumePoint {
  const [lowText = '0', bitsText] = text.split('~')
  const low = Number(lowText)
  const above: number[] = []
  if (bitsText) {
    const bits = Buffer.from(bitsText, 'base64url')
    for (let bit = 0; bit < Math.min(bits.length * 8, RESUME_WINDOW); bit += 1) {
      if (((bits[bit >> 3] ?? 0) >> (bit & 7)) & 1) {
        above.push(low + 1 + bit)
      }
    }
  }
  return { low, above }
}
