import type { DeliveryChannel } from '@ticket/schema'
import type { Channel, ChannelDeps, ChannelKind } from './channel.ts'
import { emailChannel } from './email-channel.ts'
import { inappChannel } from './inapp-channel.ts'

/**
 * Every delivery channel, by the name the schema's `DeliveryChannel` gives it. A new channel is
 * its own file exporting a {@link ChannelKind}, one line here and its name in the schema.
 */
export const channelKinds = {
  inapp: inappChannel,
  email: emailChannel,
} satisfies Record<DeliveryChannel, ChannelKind>

/** The dispatcher's channels, one per kind. */
export function createChannels(deps: ChannelDeps): Record<DeliveryChannel, Channel> {
  const channels = {} as Record<DeliveryChannel, Channel>
  for (const [name, kind] of Object.entries(channelKinds)) {
    channels[name as DeliveryChannel] = kind.create(deps)
  }
  return channels
}
