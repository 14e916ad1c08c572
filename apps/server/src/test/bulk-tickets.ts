import type BetterSqlite3 from 'better-sqlite3'

const words = [
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
  let seed = 12345
  const random = (n: number) => {
    // A fixed-seed LCG (reproducible data); its low bits repeat quickly, so use the high ones.
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >>> 12) % n
  }
  const batch = connection.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const base = bases[random(bases.length)] ?? 'Active'
      const at = new Date(options.start.getTime() + i * 30_000).toISOString()
      const title = Array.from({ length: 3 + random(4) }, () => words[random(words.length)]).join(
        ' '
      )
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
