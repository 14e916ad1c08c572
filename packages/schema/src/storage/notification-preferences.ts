import { type Static, Type } from '@sinclair/typebox'
import { Describe, NameEnum } from '../common/types.ts'

/**
 * Channels a notification may go out on.
 * @example 'both'
 */
export const NotificationChannel = NameEnum(
  'NotificationChannel',
  ['inapp', 'email', 'both', 'none'] as const,
  { description: 'In-app only, email only, both, or none.', default: 'both' }
)
export type NotificationChannel = Static<typeof NotificationChannel>

const pref = (event: string) =>
  Type.Optional(Describe(NotificationChannel, `Channel for: ${event}. Missing means both.`))

/**
 * An associate's channel per notification event (SuperOffice's personal notification settings);
 * a missing event means `both`.
 * @example { NewTicket: 'both', TicketTakenOver: 'inapp', CategoryNewTicket: 'none' }
 */
export const NotificationPreferences = Type.Object(
  {
    NewTicket: pref('a ticket is created for or reassigned to me ("new request")'),
    TicketTakenOver: pref('someone takes over my ticket'),
    TicketActivated: pref('my postponed or closed ticket becomes active again'),
    CategoryNewTicket: pref('a new ticket in a category I am a member of (NotifyMembers)'),
    NewMessage: pref('a new message on my ticket'),
    TicketEscalated: pref('my ticket is escalated'),
  },
  {
    $id: 'NotificationPreferences',
    description: 'Notification channel per event.',
    additionalProperties: false,
  }
)
export type NotificationPreferences = Static<typeof NotificationPreferences>
