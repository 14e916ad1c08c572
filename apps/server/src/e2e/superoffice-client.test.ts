import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { createTestApp } from '../test/harness.ts'
import { listen } from '../test/listen.ts'
import { adminAuth } from '../test/requests.ts'

// The package's ESM build imports files without extensions, which Node refuses; its CommonJS
// build is what Node users of the package actually load.
const { WebApi, TicketSecurityLevel, TicketMessageType } = createRequire(import.meta.url)(
  '@superoffice/webapi'
) as typeof import('@superoffice/webapi')

/**
 * SuperOffice's own TypeScript client, unchanged, against the running server over HTTP: the
 * compatibility promise of this service.
 */
describe('@superoffice/webapi against the server', () => {
  it('creates, reads, updates, saves with notify, lists and deletes tickets', async () => {
    const { app } = await createTestApp({ database: 'file', env: { TICKET_DEMO_DATA: '1' } })
    const { baseUrl } = await listen(app)
    const webapi = new WebApi(`${baseUrl}/`)
    webapi.authenticateWithPassword(adminAuth.username, adminAuth.password)
    const agent = webapi.getTicketAgent()

    const fresh = await agent.createDefaultTicketEntityAsync()
    expect(fresh.ticketId).toBe(0)
    expect(fresh.priority?.ticketPriorityId).toBeGreaterThan(0)

    fresh.title = 'Skriveren brenner 🔥'
    fresh.slevel = TicketSecurityLevel.External
    fresh.deadline = new Date('2031-02-03T04:05:06.000Z')
    fresh.tags = [{ name: 'printer' }, { name: 'urgent' }]
    const created = await agent.saveTicketEntityAsync(fresh)
    expect(created.ticketId).toBeGreaterThan(0)
    expect(created.createdAt).toBeInstanceOf(Date)
    expect(created.person).toBeNull()
    expect(created.slevel).toBe(TicketSecurityLevel.External)

    const read = await agent.getTicketEntityAsync(created.ticketId ?? 0)
    expect(read.title).toBe('Skriveren brenner 🔥')
    expect(read.deadline?.toISOString()).toBe('2031-02-03T04:05:06.000Z')
    expect(read.tags?.map((t) => t.name)).toEqual(['printer', 'urgent'])

    read.title = 'Printer fixed'
    const updated = await agent.saveTicketEntityAsync(read)
    expect(updated.ticketId).toBe(created.ticketId)
    expect(updated.title).toBe('Printer fixed')
    expect(updated.tags?.map((t) => t.name)).toEqual(['printer', 'urgent'])

    const notified = await agent.saveTicketEntityWithNotifyAsync(
      { ...updated, title: 'Notified' },
      true
    )
    expect(notified.title).toBe('Notified')

    const id = created.ticketId ?? 0
    const flat = await agent.getTicketAsync(id)
    expect(flat.title).toBe('Notified')
    const other = await agent.saveTicketEntityAsync({ ...fresh, title: 'second' })
    const otherId = other.ticketId ?? 0
    const list = await agent.getTicketsAsync([id, otherId])
    expect(list.map((t) => t.ticketId)).toEqual([id, otherId])

    await agent.deleteTicketEntityAsync(id)
    expect(await agent.getTicketEntityAsync(id)).toBeNull()
    expect((await agent.getTicketEntityAsync(otherId)).title).toBe('second')
  }, 30_000)

  it('saves and reads a message through the agent, and the ticket counts it', async () => {
    const { app } = await createTestApp({ database: 'file', env: { TICKET_DEMO_DATA: '1' } })
    const { baseUrl } = await listen(app)
    const webapi = new WebApi(`${baseUrl}/`)
    webapi.authenticateWithPassword(adminAuth.username, adminAuth.password)
    const agent = webapi.getTicketAgent()
    const ticket = await agent.saveTicketEntityAsync({
      ...(await agent.createDefaultTicketEntityAsync()),
      title: 'Kaffemaskinen lekker',
    })
    const ticketId = ticket.ticketId ?? 0

    const saved = await agent.saveTicketMessageEntityAsync({
      ticket: { ticketId },
      body: 'Vi sender en tekniker i morgen.',
      htmlBody: '<p>Vi sender en tekniker i morgen.</p>',
      slevel: TicketSecurityLevel.External,
      type: TicketMessageType.Html,
      important: true,
      timeSpent: 15,
    })
    expect(saved.ejMessageId).toBeGreaterThan(0)
    expect(saved.createdAt).toBeInstanceOf(Date)

    const read = await agent.getTicketMessageEntityAsync(saved.ejMessageId ?? 0)
    expect(read.body).toBe('Vi sender en tekniker i morgen.')
    expect(read.htmlBody).toBe('<p>Vi sender en tekniker i morgen.</p>')
    expect(read.type).toBe(TicketMessageType.Html)
    expect(read.important).toBe(true)
    expect(read.timeSpent).toBe(15)
    expect(await agent.getTicketMessageEntityAsync(987654)).toBeNull()

    const after = await agent.getTicketEntityAsync(ticketId)
    expect(after.numMessages).toBe(1)
    expect(after.numReplies).toBe(1)
    expect(after.repliedAt?.toISOString()).toBe(saved.createdAt?.toISOString())
  }, 30_000)

  it('rejects wrong credentials', async () => {
    const { app } = await createTestApp()
    const { baseUrl } = await listen(app)
    const webapi = new WebApi(`${baseUrl}/`)
    webapi.authenticateWithPassword('admin', 'wrong')
    await expect(webapi.getTicketAgent().createDefaultTicketEntityAsync()).rejects.toThrow()
  })
})
