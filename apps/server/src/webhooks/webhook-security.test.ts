import { describe, expect, it } from 'vitest'
import { tablesOf } from '../db/tables-of.ts'
import { createTestApp } from '../test/harness.ts'
import { call } from '../test/requests.ts'
import { signatureValid } from '../test/webhooks/hooks.ts'
import { startReceiver } from '../test/webhooks/receiver.ts'
import { createWebhookTestApp } from '../test/webhooks/webhook-test-app.ts'
import { refusedTarget } from './target-policy.ts'

const registration = (targetUrl: string) => ({
  Name: 'internal',
  Events: ['ticket.created'],
  TargetUrl: targetUrl,
  Secret: 'plain-secret-value',
  State: 'Active',
  Type: 'webhook',
})

describe('webhook targets and secrets', () => {
  it('refuses loopback and private targets unless TICKET_WEBHOOK_ALLOW_PRIVATE is set', async () => {
    const receiver = await startReceiver(() => 200)
    const { app, deps } = await createTestApp()
    for (const url of [
      receiver.url,
      'http://10.1.2.3/h',
      'http://[::1]:9/h',
      'http://192.168.0.9/h',
    ]) {
      const res = await call(app, 'POST', '/api/v1/Webhook', registration(url))
      expect(res.status, url).toBe(400)
      expect(res.body.errors[0]).toMatchObject({ path: '/TargetUrl', code: 'target_refused' })
    }
    // Nothing was sent to the loopback receiver and nothing stored.
    expect(receiver.requests).toHaveLength(0)
    expect(await deps.store.db.select().from(tablesOf(deps.store.db).webhooks)).toEqual([])
    expect(await refusedTarget('http://[::ffff:127.0.0.1]/h', false)).toMatch(/loopback or private/)
    expect(await refusedTarget('http://127.0.0.1/h', true)).toBeUndefined()
  })

  it('stores the secret encrypted, and still signs deliveries with it', async () => {
    const { app, store } = await createWebhookTestApp()
    const receiver = await startReceiver(() => 200)
    const res = await call(app, 'POST', '/api/v1/Webhook', registration(receiver.url), {
      auth: { username: 'hook-admin', password: 'hook-admin-password' },
    })
    expect(res.status, res.text).toBe(201)
    const [row] = await store.db.select().from(tablesOf(store.db).webhooks)
    expect(row?.secret).toMatch(/^aes256gcm:/)
    expect(row?.secret).not.toContain('plain-secret-value')
    await call(
      app,
      'POST',
      '/api/v1/Ticket',
      { Title: 'signed' },
      {
        auth: { username: 'hook-admin', password: 'hook-admin-password' },
      }
    )
    const [, event] = await receiver.received(2)
    expect(event && signatureValid(event, 'plain-secret-value')).toBe(true)
  })

  it('refuses to register a webhook without TICKET_SECRET_KEY, sending nothing', async () => {
    const receiver = await startReceiver(() => 200)
    const { app } = await createTestApp({
      env: { TICKET_SECRET_KEY: '', TICKET_WEBHOOK_ALLOW_PRIVATE: '1' },
    })
    const res = await call(app, 'POST', '/api/v1/Webhook', registration(receiver.url))
    expect(res.status).toBe(503)
    expect(receiver.requests).toHaveLength(0)
  })
})
