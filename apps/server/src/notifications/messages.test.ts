import { describe, expect, test } from 'vitest'
import { renderMessage } from './messages.ts'
import type { DeliveryPayload } from './payload.ts'

const payload: DeliveryPayload = {
  ticketId: 42,
  title: 'Printer on fire',
  categoryName: 'Hardware',
  priorityName: 'High',
  ownerName: 'Anna Tester',
  actorName: 'Bob Tester',
  link: 'https://desk.example.test/api/v1/Ticket/42',
}

describe('message catalogue', () => {
  test('English: subject and body carry title, id, category, priority and link', () => {
    const m = renderMessage('US', 'NewTicket', payload)
    expect(m.subject).toBe('New request #42: Printer on fire')
    for (const part of ['Printer on fire', '#42', 'Hardware', 'High', payload.link]) {
      expect(m.text).toContain(part)
    }
    expect(m.text.startsWith('You have been assigned a new request.')).toBe(true)
  })

  test('Norwegian for NO', () => {
    const m = renderMessage('NO', 'TicketTakenOver', payload)
    expect(m.subject).toBe('Henvendelse #42 er overtatt: Printer on fire')
    expect(m.lead).toBe('Bob Tester har overtatt henvendelsen din.')
    expect(m.text).toContain('Kategori: Hardware')
    expect(m.text).toContain('Prioritet: High')
  })

  test('every event has a text in both languages', () => {
    const events = [
      'NewTicket',
      'TicketTakenOver',
      'TicketActivated',
      'CategoryNewTicket',
      'NotificationEmail',
    ] as const
    const subjects = new Set<string>()
    for (const language of ['US', 'NO']) {
      for (const event of events) {
        const m = renderMessage(language, event, payload)
        expect(m.subject).toContain('Printer on fire')
        subjects.add(m.subject)
      }
    }
    expect(subjects.size).toBe(10)
  })

  test('an unknown language reads English; empty facts read "(none)"', () => {
    const m = renderMessage('XX', 'NewTicket', { ...payload, categoryName: '' })
    expect(m.subject).toBe('New request #42: Printer on fire')
    expect(m.text).toContain('Category: (none)')
  })
})
