import { describe, expect, test } from 'vitest'
import { commitChange, waitForOutbox } from '../test/notifications/commit-change.ts'
import { seedAssociate, seedCategory, ticketChange } from '../test/notifications/seed.ts'
import { startSmtpSink } from '../test/notifications/smtp-sink.ts'
import { openTestCore } from '../test/notifications/test-core.ts'
import { createNotificationsModule } from './notifications-module.ts'

describe('email channel against a real SMTP server', { timeout: 30_000 }, () => {
  test("subject and body in the recipient's language, with title, id, category, priority, link", async () => {
    const sink = await startSmtpSink()
    const core = await openTestCore(':memory:', {
      SMTP_URL: sink.url,
      SMTP_FROM: 'Help Desk <desk@example.test>',
      TICKET_PUBLIC_URL: 'https://desk.example.test',
    })
    const module = createNotificationsModule(core, { pollMs: 20 })
    const { store } = core
    const email = { NewTicket: 'email', CategoryNewTicket: 'email' } as const
    const actor = await seedAssociate(store, { name: 'Actor' })
    const anna = await seedAssociate(store, { name: 'Anna', language: 'US', preferences: email })
    const ola = await seedAssociate(store, { name: 'Ola', language: 'NO', preferences: email })
    const category = await seedCategory(store, {
      name: 'Maskinvare',
      flags: 'NotifyMembers',
      members: [ola],
    })
    module.start?.()
    const change = ticketChange({
      after: {
        id: 77,
        title: 'Skriveren brenner',
        ownerId: anna,
        ownerName: 'Anna Tester',
        categoryId: category,
        categoryName: 'Maskinvare',
        priorityName: 'Høy',
      },
      actorId: actor,
    })
    await commitChange(store, module, change)
    const rows = await waitForOutbox(store)
    await sink.waitForAccepted(2)
    const byTo = new Map(sink.accepted.map((m) => [m.to && 'text' in m.to ? m.to.text : '', m]))

    const english = byTo.get('anna@example.test')
    expect(english?.subject).toBe('New request #77: Skriveren brenner')
    expect(english?.from?.text).toBe('"Help Desk" <desk@example.test>')
    for (const part of [
      'You have been assigned a new request.',
      'Title: Skriveren brenner',
      'Request: #77',
      'Category: Maskinvare',
      'Priority: Høy',
      'Open: https://desk.example.test/api/v1/Ticket/77',
    ]) {
      expect(english?.text).toContain(part)
    }

    const norwegian = byTo.get('ola@example.test')
    expect(norwegian?.subject).toBe('Ny henvendelse i Maskinvare #77: Skriveren brenner')
    for (const part of ['Kategori: Maskinvare', 'Prioritet: Høy', 'Henvendelse: #77', 'Åpne: ']) {
      expect(norwegian?.text).toContain(part)
    }
    expect(norwegian?.headers.get('auto-submitted')).toBe('auto-generated')

    const messageIds = rows.map((r) => r.messageId)
    expect(sink.accepted.map((m) => m.messageId).sort()).toEqual([...messageIds].sort())
    expect(rows.every((r) => r.status === 'delivered' && r.channel === 'email')).toBe(true)
    await module.stop?.()
  })
})
