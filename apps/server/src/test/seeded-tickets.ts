import { type BulkImportOptions, bulkImport } from '../bulk-import/bulk-import.ts'

const named = [
  'printer',
  'fire',
  'invoice',
  'password',
  'login',
  'screen',
  'network',
  'email',
  'slow',
  'error',
  'refund',
  'order',
  'delivery',
  'broken',
  'update',
  'license',
  'account',
  'payment',
  'crash',
  'backup',
  'server',
  'vpn',
  'phone',
  'keyboard',
  'mouse',
  'office',
  'access',
  'report',
  'toner',
  'paper',
  'jam',
  'noise',
  'battery',
  'charger',
  'wifi',
  'calendar',
  'meeting',
  'contract',
  'quote',
]

// A helpdesk's vocabulary follows Zipf's law: a few words are everywhere, most are rare. The
// named words take ranks 20 to 58 among 5,000 (the rest are made-up words), so "printer" is in
// about one title in forty and "printer" with "fire" in one in 1,700.
const VOCABULARY = 5000
const words = Array.from({ length: VOCABULARY }, (_, rank) =>
  rank >= 20 && rank - 20 < named.length ? named[rank - 20] : `w${rank.toString(36)}`
)

/**
 * `count` new-ticket bodies (JSON lines for the bulk import), reproducible: Zipf-distributed
 * titles, owners spread over `ownerIds`, base statuses 3 Active : 4 Closed : 1 Postponed.
 */
export function* seededTicketLines(count: number, ownerIds: number[]): Generator<string> {
  const bases = ['Active', 'Active', 'Active', 'Closed', 'Closed', 'Closed', 'Closed', 'Postponed']
  // mulberry32 with a fixed seed: reproducible data, and draws that do not correlate.
  let seed = 12345
  const random = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n)
  }
  // Log-uniform rank: P(rank r) falls as 1/r.
  const zipf = () => Math.floor(VOCABULARY ** (random(1_000_000) / 1_000_000)) - 1
  for (let i = 0; i < count; i++) {
    const base = bases[random(bases.length)] ?? 'Active'
    yield JSON.stringify({
      Title: Array.from({ length: 3 + random(4) }, () => words[zipf()]).join(' '),
      BaseStatus: base,
      OwnedBy: { AssociateId: ownerIds[random(ownerIds.length)] ?? 0 },
      ...(base === 'Postponed' ? { Activate: '2031-01-01T00:00:00Z' } : {}),
    })
  }
}

/** An admin row as `demoRefs` reads it: the caller the seed imports as. */
interface SeedAdmin {
  associateId: number
  userName: string | null
  fullName: string | null
}

/**
 * Fills the store with `count` tickets from `seededTicketLines` through the bulk import, as the
 * given admin; a rejected line is a broken seed and throws.
 */
export async function seedTickets(
  deps: Pick<BulkImportOptions, 'store' | 'catalog'>,
  count: number,
  ownerIds: number[],
  admin: SeedAdmin | undefined
) {
  function* lines() {
    let number = 0
    for (const text of seededTicketLines(count, ownerIds)) {
      number++
      yield { text, number, end: 0, utf8: true }
    }
  }
  return bulkImport(lines(), {
    ...deps,
    caller: {
      associateId: admin?.associateId ?? 1,
      userName: admin?.userName ?? 'admin',
      fullName: admin?.fullName ?? 'admin',
      isAdmin: true,
      language: 'US',
    },
    now: () => new Date(),
    batchSize: 5000,
    onRejected: (line) => {
      throw new Error(`seed line ${line.line} rejected: ${line.problem}`)
    },
  })
}
