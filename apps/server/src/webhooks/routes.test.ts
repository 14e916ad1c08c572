import { describe, expect, it } from 'vitest'
import { call } from '../test/requests.ts'
import { signatureValid } from '../test/webhooks/hooks.ts'
import { startReceiver } from '../test/webhooks/receiver.ts'
import { adminLogin, agentLogin, createWebhookTestApp } from '../test/webhooks/webhook-test-app.ts'

const registration = (targetUrl: string) => ({
  Name: 'crm-sync',
  Events: ['ticket.created', 'ticket.deleted'],
  TargetUrl: targetUrl,
  Secret: 'our-shared-secret',
  State: 'Active',
  Type: 'webhook',
})

describe('POST /api/v1/Webhook', { timeout: 30_000 }, () => {
  it('sends a signed test event first, then registers; the secret is never returned', async () => {
    const { app } = await createWebhookTestApp()
    const receiver = await startReceiver(() => 200)
    const res = await call(app, 'POST', '/api/v1/Webhook', registration(receiver.url), {
      auth: adminLogin,
    })
    expect(res.status, res.text).toBe(201)
    const hook = res.body
    expect(hook).toMatchObject({
      Name: 'crm-sync',
      Events: ['ticket.created', 'ticket.deleted'],
      TargetUrl: receiver.url,
      State: 'Active',
      Type: 'webhook',
    })
    expect(hook.WebhookId).toBeGreaterThan(0)
    expect(hook.Registered).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect(hook).not.toHaveProperty('Secret')
    expect(res.headers.get('location')).toBe(`/api/v1/Webhook/${hook.WebhookId}`)

    expect(receiver.requests).toHaveLength(1)
    const [test] = receiver.requests
    if (!test) {
      throw new Error('no test event')
    }
    expect(test.method).toBe('POST')
    expect(test.headers['content-type']).toBe('application/json')
    expect(test.headers['x-superoffice-event']).toBe('test')
    expect(test.headers['x-superoffice-retry']).toBe('1')
    expect(signatureValid(test, 'our-shared-secret')).toBe(true)
    const body = JSON.parse(test.body)
    expect(body).toMatchObject({ Event: 'test', WebhookName: 'crm-sync', Changes: [] })
    expect(test.headers['x-superoffice-eventid']).toBe(body.EventId)
    expect(hook.RegisteredAssociateId).toBe(body.ChangedByAssociateId)

    const log = await call(app, 'GET', `/api/v1/Webhook/${hook.WebhookId}/Deliveries`, undefined, {
      auth: adminLogin,
    })
    expect(log.body).toEqual([
      expect.objectContaining({
        WebhookId: hook.WebhookId,
        EventId: body.EventId,
        Event: 'test',
        Status: 'delivered',
        Tries: 1,
        LastStatusCode: 200,
      }),
    ])
    expect(log.text).not.toContain('our-shared-secret')
  })

  it('accepts camelCase names, defaults State and Type, collapses repeated events', async () => {
    const { app } = await createWebhookTestApp()
    const receiver = await startReceiver(() => 200)
    const res = await call(
      app,
      'POST',
      '/api/v1/Webhook',
      {
        name: 'lower',
        events: ['ticket.changed', 'ticket.changed'],
        targetUrl: receiver.url,
        secret: 's',
      },
      // Names are read case-insensitively; the document spells them PascalCase.
      { auth: adminLogin, breaksDocument: 'tolerated' }
    )
    expect(res.status, res.text).toBe(201)
    expect(res.body).toMatchObject({
      Name: 'lower',
      Events: ['ticket.changed'],
      State: 'Active',
      Type: 'webhook',
    })
  })
})

describe('GET and DELETE /api/v1/Webhook', { timeout: 30_000 }, () => {
  it('lists and gets hooks without secrets; DELETE is 204, then 404 everywhere', async () => {
    const { app } = await createWebhookTestApp()
    const receiver = await startReceiver(() => 200)
    const first = await call(app, 'POST', '/api/v1/Webhook', registration(receiver.url), {
      auth: adminLogin,
    })
    const second = await call(
      app,
      'POST',
      '/api/v1/Webhook',
      { ...registration(receiver.url), Name: 'second' },
      { auth: adminLogin }
    )
    const list = await call(app, 'GET', '/api/v1/Webhook', undefined, { auth: agentLogin })
    expect(list.status).toBe(200)
    expect(list.body.map((h: { Name: string }) => h.Name)).toEqual(['crm-sync', 'second'])
    expect(list.text).not.toContain('our-shared-secret')

    const one = await call(app, 'GET', `/api/v1/Webhook/${second.body.WebhookId}`, undefined, {
      auth: agentLogin,
    })
    expect(one.status).toBe(200)
    expect(one.body).toEqual(second.body)

    const id = first.body.WebhookId
    const deleted = await call(app, 'DELETE', `/api/v1/Webhook/${id}`, undefined, {
      auth: adminLogin,
    })
    expect(deleted.status).toBe(204)
    expect(deleted.text).toBe('')
    for (const [method, path] of [
      ['GET', `/api/v1/Webhook/${id}`],
      ['DELETE', `/api/v1/Webhook/${id}`],
      ['GET', `/api/v1/Webhook/${id}/Deliveries`],
    ] as const) {
      const res = await call(app, method, path, undefined, { auth: adminLogin })
      expect(res.status, `${method} ${path}`).toBe(404)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
    }
    const after = await call(app, 'GET', '/api/v1/Webhook', undefined, { auth: adminLogin })
    expect(after.body.map((h: { Name: string }) => h.Name)).toEqual(['second'])
  })
})
