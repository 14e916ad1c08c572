import { describe, expect, it } from 'vitest'
import { routingPath } from './agent-paths.ts'

const at = (path: string) => routingPath(new Request(`http://localhost${path}`))

describe('routingPath', () => {
  it('routes an agent method named in any case to its operation', () => {
    expect(at('/api/v1/Agents/Ticket/getticketentity')).toBe(
      '/api/v1/Agents/Ticket/GetTicketEntity'
    )
    expect(at('/api/v1/Agents/Ticket/SAVETICKETMESSAGEENTITY?x=1')).toBe(
      '/api/v1/Agents/Ticket/SaveTicketMessageEntity'
    )
  })

  it('leaves other paths and unknown methods as they are', () => {
    expect(at('/api/v1/Ticket/12')).toBe('/api/v1/Ticket/12')
    expect(at('/api/v1/ticket/default')).toBe('/api/v1/ticket/default')
    expect(at('/api/v1/Agents/Ticket/Teleport')).toBe('/api/v1/Agents/Ticket/Teleport')
  })
})
