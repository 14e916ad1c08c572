import { describe, expect, it } from 'vitest'
import { createTicketClient } from './index.ts'

/** A transport that records what the client sends and answers with a fixed JSON body. */
function observedFetch(answer: unknown = { TicketId: 1 }) {
  const seen: Request[] = []
  const fetch = async (request: Request) => {
    seen.push(request.clone())
    return new Response(JSON.stringify(answer), {
      headers: { 'content-type': 'application/json; charset=utf-8' },
    })
  }
  return { seen, fetch }
}

describe('createTicketClient', () => {
  it('sends Basic credentials, the query and the body', async () => {
    const { seen, fetch } = observedFetch({ TicketId: 5, Title: 'x' })
    const client = createTicketClient({
      baseUrl: 'http://ticket.test',
      auth: { basic: { username: 'anna', password: 'pä$$' } },
      fetch,
      headers: { 'SO-Language': 'en' },
    })
    const { data } = await client.GET('/api/v1/Ticket/{id}', { params: { path: { id: 5 } } })
    expect(data?.TicketId).toBe(5)
    const request = seen[0]
    expect(request?.url).toBe('http://ticket.test/api/v1/Ticket/5')
    expect(request?.headers.get('authorization')).toBe(
      `Basic ${Buffer.from('anna:pä$$').toString('base64')}`
    )
    expect(request?.headers.get('so-language')).toBe('en')
  })

  it('speaks Bearer and SOTicket with its app token', async () => {
    const bearer = observedFetch()
    await createTicketClient({
      baseUrl: 'http://t',
      auth: { bearer: 'tok' },
      fetch: bearer.fetch,
    }).GET('/api/v1/Ticket/default')
    expect(bearer.seen[0]?.headers.get('authorization')).toBe('Bearer tok')
    const ticket = observedFetch()
    await createTicketClient({
      baseUrl: 'http://t',
      auth: { soTicket: '7T:abc==', appToken: 'app' },
      fetch: ticket.fetch,
    }).GET('/api/v1/Ticket/default')
    expect(ticket.seen[0]?.headers.get('authorization')).toBe('SOTicket 7T:abc==')
    expect(ticket.seen[0]?.headers.get('so-apptoken')).toBe('app')
  })
})
