import nodemailer from 'nodemailer'
import type { Env } from '../env.ts'
import { type Channel, type ChannelKind, SkipDelivery } from './channel.ts'
import { messageIdOf } from './event-key.ts'
import { renderMessage } from './messages.ts'
import { readPayload } from './payload.ts'

export const SMTP_OFF = 'email is off: SMTP_URL is not set'
export const NO_ADDRESS = 'the associate has no email address'

/** Email: to the recipient's address (a plain address, or the associate's email). */
export const emailChannel: ChannelKind = {
  addressOf: (recipient, email) =>
    (recipient.kind === 'address' ? recipient.address : email?.trim()) || null,
  skipReason(address, env) {
    if (env.SMTP_URL === undefined) {
      return SMTP_OFF
    }
    return address ? undefined : NO_ADDRESS
  },
  messageId: messageIdOf,
  create: ({ env, timeoutMs }) => createEmailChannel(env, { timeoutMs }),
}

export interface EmailOptions {
  /** Socket, greeting and connection timeout: a silent server fails the try instead of hanging. */
  timeoutMs: number
}

/**
 * Email delivery over one pooled SMTP transport (`SMTP_URL`, `SMTP_FROM`). The Message-ID comes
 * from the outbox row, fixed before the first try, so every retry of one delivery carries it.
 */
export function createEmailChannel(env: Env, options: EmailOptions): Channel {
  const transport = env.SMTP_URL
    ? nodemailer.createTransport({
        url: env.SMTP_URL,
        pool: true,
        maxConnections: 3,
        connectionTimeout: options.timeoutMs,
        greetingTimeout: options.timeoutMs,
        socketTimeout: options.timeoutMs,
      })
    : undefined
  return {
    async send(row) {
      if (!transport) {
        throw new SkipDelivery(SMTP_OFF)
      }
      if (!row.address) {
        throw new SkipDelivery(NO_ADDRESS)
      }
      const message = renderMessage(row.language, row.event, readPayload(row.payload))
      await transport.sendMail({
        from: env.SMTP_FROM,
        to: row.address,
        subject: message.subject,
        text: message.text,
        messageId: row.messageId ?? messageIdOf(row.ticketId, row.dedupeKey),
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Ticket-Id': String(row.ticketId) },
      })
    },
    close: () => transport?.close(),
  }
}
