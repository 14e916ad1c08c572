import type { AddressInfo } from 'node:net'
import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { onTestFinished, vi } from 'vitest'

export interface SmtpSink {
  url: string
  /** Messages the server accepted, parsed. */
  accepted: ParsedMail[]
  /** Message-IDs of every message that reached DATA, accepted or not, in order. */
  attempts: string[]
  /** While false, every message is refused after DATA with a temporary 451. */
  accepting: boolean
  waitForAccepted(count: number, timeoutMs?: number): Promise<ParsedMail[]>
}

/**
 * A real SMTP server on a free loopback port for one test: what arrives is parsed with
 * mailparser; it can refuse mail on command, to play a server that is down and comes back.
 */
export async function startSmtpSink(options: { accepting?: boolean } = {}): Promise<SmtpSink> {
  const sink: SmtpSink = {
    url: '',
    accepted: [],
    attempts: [],
    accepting: options.accepting ?? true,
    waitForAccepted: (count, timeoutMs = 15_000) =>
      vi.waitFor(
        () => {
          if (sink.accepted.length < count) {
            throw new Error(`${sink.accepted.length} of ${count} messages arrived`)
          }
          return sink.accepted
        },
        { timeout: timeoutMs, interval: 10 }
      ),
  }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          sink.attempts.push(mail.messageId ?? '')
          if (!sink.accepting) {
            callback(Object.assign(new Error('try again later'), { responseCode: 451 }))
            return
          }
          sink.accepted.push(mail)
          callback()
        },
        (err: Error) => callback(err)
      )
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.server.address() as AddressInfo
  sink.url = `smtp://127.0.0.1:${port}`
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return sink
}
