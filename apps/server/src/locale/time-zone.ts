import { zoneCodes } from './zone-codes.ts'
import { canonicalZone } from './zoned-time.ts'

/** What `SO-TimeZone` asked for: the IANA zone, and whether dates carry their offset. */
export interface TimeZoneChoice {
  zone: string
  includeOffset: boolean
}

export type TimeZoneProblem = { unknownZone: string } | { unknownOption: string }

const zoneCodeLookup = new Map(
  Object.entries(zoneCodes).map(([code, zone]) => [code.toUpperCase(), zone])
)

/**
 * Parses `SO-TimeZone: <code or IANA name>[, includeTZOffset]`. Codes are matched
 * case-insensitively; IANA names as the platform knows them.
 * @example parseTimeZone('NO, includeTZOffset') // { zone: 'Europe/Oslo', includeOffset: true }
 */
export function parseTimeZone(header: string): TimeZoneChoice | TimeZoneProblem {
  const [name = '', ...options] = header.split(',').map((part) => part.trim())
  let includeOffset = false
  for (const option of options) {
    if (option.toLowerCase() !== 'includetzoffset') {
      return { unknownOption: option }
    }
    includeOffset = true
  }
  const zone = zoneCodeLookup.get(name.toUpperCase()) ?? canonicalZone(name)
  return zone ? { zone, includeOffset } : { unknownZone: name }
}
