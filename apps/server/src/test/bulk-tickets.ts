import type BetterSqlite3 from 'better-sqlite3'

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
 * Seeds `count` tickets straight into an SQLite file, for benchmarks at a size the HTTP API
 * would take hours to fill. Each row copies the template ticket (one saved through the API, so
 * every column holds a value the service wrote) and varies title, owner, base status, status
 * and dates. The full-text triggers run as for any insert.
 */
export function bulkInsertTickets(
  connection: BetterSqlite3.Database,
  options: {
    count: number
    templateId: number
    ownerIds: number[]
    statusByBase: Record<string, number>
    start: Date
  }
) {
  const template = connection
    .prepare('select * from tickets where ticket_id = ?')
    .get(options.templateId) as Record<string, unknown>
  const columns = Object.keys(template).filter((c) => c !== 'ticket_id')
  const insert = connection.prepare(
    `insert into tickets (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`
  )
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
  const batch = connection.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const base = bases[random(bases.length)] ?? 'Active'
      const at = new Date(options.start.getTime() + i * 30_000).toISOString()
      const title = Array.from({ length: 3 + random(4) }, () => words[zipf()]).join(' ')
      insert.run({
        ...template,
        title,
        base_status: base,
        status_id: options.statusByBase[base] ?? null,
        owned_by_id: options.ownerIds[random(options.ownerIds.length)] ?? null,
        created_at: at,
        last_changed: at,
        activate: base === 'Postponed' ? at : null,
      })
    }
  })
  const step = 50_000
  for (let from = 0; from < options.count; from += step) {
    batch(from, Math.min(options.count, from + step))
  }
}
