import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it, onTestFinished } from 'vitest'
import { testSecretKey } from './test/secret-key.ts'
import { startServerProcess } from './test/server-process.ts'
import { startReceiver } from './test/webhooks/receiver.ts'

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`

it('no password, token, session ticket or webhook secret appears in any log line of a run at debug level', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ticket-logs-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  const password = 'log-test-Pa55word-q7'
  const wrong = 'wrong-Pa55word-zz9'
  const secret = 'hook-secret-x41v'
  const server = await startServerProcess({
    DATABASE_URL: join(dir, 'ticket.db'),
    TICKET_ADMIN_PASSWORD: password,
    TICKET_PASSWORD_COST: '10',
    TICKET_SECRET_KEY: testSecretKey,
    // The receiver below listens on loopback.
    TICKET_WEBHOOK_ALLOW_PRIVATE: '1',
    LOG_LEVEL: 'debug',
  })
  await server.ready()
  const api = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
    fetch(`${server.baseUrl}${path}`, {
      ...init,
      headers: { accept: 'application/json', 'content-type': 'application/json', ...init.headers },
    })
  const admin = { authorization: basic('admin', password) }

  expect((await api('/api/v1/Ticket/default', { headers: admin })).status).toBe(200)
  expect(
    (await api('/api/v1/Ticket/default', { headers: { authorization: basic('admin', wrong) } }))
      .status
  ).toBe(401)
  const issued = await api('/api/v1/Token', {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({ Name: 'logs' }),
  })
  const token = ((await issued.json()) as { Token: string }).Token
  expect(token.length).toBeGreaterThan(10)
  expect(
    (await api('/api/v1/Ticket/default', { headers: { authorization: `Bearer ${token}` } })).status
  ).toBe(200)
  const session = await api('/api/v1/Session', { method: 'POST', headers: admin })
  const ticket = ((await session.json()) as { Ticket: string }).Ticket
  const cookie = session.headers.get('set-cookie') ?? ''
  expect(
    (await api('/api/v1/Ticket/default', { headers: { authorization: `SOTicket ${ticket}` } }))
      .status
  ).toBe(200)
  await api('/api/v1/Ticket/default', { headers: { cookie: cookie.split(';')[0] ?? '' } })
  const receiver = await startReceiver(() => 200)
  const hook = await api('/api/v1/Webhook', {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({
      Name: 'logs',
      Events: ['ticket.created'],
      TargetUrl: receiver.url,
      Secret: secret,
      State: 'Active',
      Type: 'webhook',
    }),
  })
  expect(hook.status).toBe(201)
  await api('/api/v1/Ticket', { method: 'POST', headers: admin, body: '{"Title":"logged"}' })
  await receiver.received(2)

  server.child.kill('SIGTERM')
  expect(await server.exited).toBe(0)
  const log = server.stderr()
  expect(log.split('\n').length).toBeGreaterThan(10)
  const cookieValue = cookie.split(';')[0]?.split('=')[1] ?? 'no-cookie'
  for (const [what, value] of Object.entries({
    password,
    wrong,
    basic: Buffer.from(`admin:${password}`).toString('base64'),
    token,
    ticket,
    cookieValue,
    secret,
  })) {
    expect(log.includes(value), `${what} appears in the log`).toBe(false)
  }
})
