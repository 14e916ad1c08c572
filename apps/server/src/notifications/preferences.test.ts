import { describe, expect, test } from 'vitest'
import { channelsFor, effectivePreferences, readPreferences } from './preferences.ts'

describe('preferences', () => {
  test.each([
    ['both', ['inapp', 'email']],
    ['inapp', ['inapp']],
    ['email', ['email']],
    ['none', []],
  ] as const)('%s → %j', (channel, expected) => {
    expect(channelsFor({ NewTicket: channel }, 'NewTicket')).toEqual(expected)
  })

  test('a missing event, or no preferences at all, means both', () => {
    expect(channelsFor({ NewTicket: 'none' }, 'TicketActivated')).toEqual(['inapp', 'email'])
    expect(channelsFor(null, 'TicketTakenOver')).toEqual(['inapp', 'email'])
  })

  test('NotificationEmail addresses always get email, whatever is stored', () => {
    expect(channelsFor({ NewTicket: 'none' }, 'NotificationEmail')).toEqual(['email'])
  })

  test('readPreferences keeps known events with known channels only', () => {
    expect(
      readPreferences({ NewTicket: 'inapp', TicketActivated: 'loud', Other: 'none', NewMessage: 3 })
    ).toEqual({ NewTicket: 'inapp' })
    expect(readPreferences('junk')).toEqual({})
  })

  test('effectivePreferences spells out every event', () => {
    expect(effectivePreferences({ CategoryNewTicket: 'none' })).toEqual({
      NewTicket: 'both',
      TicketTakenOver: 'both',
      TicketActivated: 'both',
      CategoryNewTicket: 'none',
      NewMessage: 'both',
      TicketEscalated: 'both',
    })
  })
})
