import type { TicketInfo } from '@ticket/schema'
import type { Store } from '../db/store.ts'
import { listTickets } from './list-tickets.ts'
import { hasSearchWords } from './search-sql.ts'

const columns = [
  'title',
  'ownedBy/fullName',
  'category/name',
  'priority/name',
  'person/fullName',
  'person/contactName',
]

const quoted = (text: string) => `'${text.replaceAll("'", "''")}'`

/**
 * The CustomerService agent's finder: the ticket whose id the text is (if any) first, then the
 * full-text matches best first, through the same archive as `GET /api/v1/Ticket`.
 */
export async function findTicketsByTitleOrId(
  store: Store,
  request: { titleOrId: string; maxRows: number; baseUrl: string }
): Promise<TicketInfo[]> {
  const text = request.titleOrId.trim()
  const page = async (filter: string, top: number) =>
    (await listTickets(store, { select: columns.join(','), filter, top, mode: 'Slim', zone: null }))
      .rows
  const byId = /^\d{1,10}$/.test(text) && Number(text) <= 2147483647
  const rows = [
    ...(byId ? await page(`ticketId eq ${Number(text)}`, 1) : []),
    ...(hasSearchWords(text) ? await page(`search eq ${quoted(text)}`, request.maxRows) : []),
  ]
  const seen = new Set<unknown>()
  const unique = rows.filter((row) => !seen.has(row.PrimaryKey) && seen.add(row.PrimaryKey))
  return unique.slice(0, request.maxRows).map((row) => ({
    TicketId: row.PrimaryKey as number,
    Title: String(row.title ?? ''),
    OwnerName: String(row.ownedBy___fullName ?? ''),
    CategoryName: String(row.category___name ?? ''),
    PriorityName: String(row.priority___name ?? ''),
    TicketUrl: `${request.baseUrl}/api/v1/Ticket/${row.PrimaryKey}`,
    PersonName: String(row.person___fullName ?? ''),
    ContactName: String(row.person___contactName ?? ''),
    MailboxId: 0,
  }))
}
