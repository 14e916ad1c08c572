import {
  type DeliveryChannel,
  NotificationChannel,
  type NotificationEvent,
  NotificationPreferences,
} from '@ticket/schema'

// Both lists come from the schema: a new event or channel choice is one line there.
const preferenceKeys = Object.keys(NotificationPreferences.properties) as Array<
  keyof NotificationPreferences
>
const channelNames = new Set<unknown>(NotificationChannel.enum as string[])

/**
 * Reads the `associates.preferences` JSON column: keeps each known event with a known channel
 * and drops anything else, so a hand-edited row cannot break the rules.
 */
export function readPreferences(value: unknown): NotificationPreferences {
  const out: NotificationPreferences = {}
  if (value === null || typeof value !== 'object') {
    return out
  }
  const record = value as Record<string, unknown>
  for (const key of preferenceKeys) {
    const channel = record[key]
    if (typeof channel === 'string' && channelNames.has(channel)) {
      out[key] = channel as NotificationChannel
    }
  }
  return out
}

const channelsOf: Record<NotificationChannel, DeliveryChannel[]> = {
  both: ['inapp', 'email'],
  inapp: ['inapp'],
  email: ['email'],
  none: [],
}

/**
 * The channels one associate wants for one event; a missing preference means both.
 * `NotificationEmail` goes to plain addresses, which have no preferences: always email.
 * @example channelsFor({ NewTicket: 'inapp' }, 'NewTicket') // ['inapp']
 */
export function channelsFor(
  preferences: NotificationPreferences | null | undefined,
  event: NotificationEvent
): DeliveryChannel[] {
  if (event === 'NotificationEmail') {
    return ['email']
  }
  return channelsOf[preferences?.[event] ?? 'both']
}

/** Every preference spelled out, defaults filled in: what the preferences endpoint shows. */
export function effectivePreferences(
  stored: NotificationPreferences | null | undefined
): Required<NotificationPreferences> {
  const out = {} as Required<NotificationPreferences>
  for (const key of preferenceKeys) {
    out[key] = stored?.[key] ?? 'both'
  }
  return out
}
