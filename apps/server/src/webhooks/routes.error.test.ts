import { describe, expect, it } from 'vitest'
import { call } from '../test/requests.ts'
import { startReceiver } from '../test/webhooks/receiver.ts'
import { adminLogin, agentLogin, createWebhookTestApp } from '../test/webhooks/webhook-test-app.ts'

const valid = (targetUrl: string) => ({
  Name: 'crm-sync',
  Events: ['ticket.created'],
  TargetUrl: targetUrl,
  Secret: 'our-shared-secret',
  State: 'Active',
  Type: 'webhook',
})

async function hookCount(app: Awaited<ReturnType<typeof createWebhookTestApp>>['app']) {
  const list = await call(app, 'GET', '/api/v1/Webhook', undefined, { auth: adminLogin })
  return (list.body as unknown[]).length
}

describe('POST /api/v1/Webhook refuses', { timeout: 30_000 }, () => {
  it.each([
    ['answers 500', 500, 'HTTP 500'],
    ['answers 204 (only 200 counts)', 204, 'HTTP 204'],
    ['redirects', 302, 'HTTP 302'],
  ])('a target that %s, with 400 naming TargetUrl', async (_case, status, reason) => {
    const { app } = await createWebhookTestApp()
    const receiver = await startReceiver(() => status)
    const res = await call(app, 'POST', '/api/v1/Webhook', valid(receiver.url), {
      auth: adminLogin,
    })
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(res.body.detail).toContain(reason)
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: '/TargetUrl', code: 'test_event_refused' }),
    ])
    expect(receiver.requests).toHaveLength(1)
    expect(await hookCount(app)).toBe(0)
  })

  it('a target nobody listens on, or one that does not answer in time', async () => {
    const { app } = await createWebhookTestApp({
      webhooks: { timeoutMs: 300, pollMs: 15, retry: { baseMs: 10, capMs: 10, maxTries: 2 } },
    })
    const closed = await startReceiver(() => 200)
    await closed.close()
    const refused = await call(app, 'POST', '/api/v1/Webhook', valid(closed.url), {
      auth: adminLogin,
    })
    expect(refused.status).toBe(400)
    expect(refused.body.detail).toMatch(/ECONNREFUSED/)

    const silent = await startReceiver(() => 'hang')
    const started = Date.now()
    const timedOut = await call(app, 'POST', '/api/v1/Webhook', valid(silent.url), {
      auth: adminLogin,
    })
    expect(timedOut.status).toBe(400)
    expect(timedOut.body.detail).toContain('no answer within 300 ms')
    expect(Date.now() - started).toBeLessThan(3_000)
    expect(await hookCount(app)).toBe(0)
  })

  it('an invalid body, listing every invalid path, without calling the target', async () => {
    const { app } = await createWebhookTestApp()
    const receiver = await startReceiver(() => 200)
    const res = await call(
      app,
      'POST',
      '/api/v1/Webhook',
      {
        Name: '   ',
        Events: ['ticket.created', 'ticket.exploded'],
        TargetUrl: 'ftp://files.example.com/in',
        State: 'TooManyErrors',
        Type: 'email',
      },
      { auth: adminLogin, breaksDocument: 'rejected' }
    )
    expect(res.status).toBe(400)
    const paths = res.body.errors.map((e: { path: string }) => e.path).sort()
    expect(paths).toEqual(['/Events/1', '/Name', '/Secret', '/State', '/TargetUrl', '/Type'])
    expect(receiver.requests).toHaveLength(0)
    expect(await hookCount(app)).toBe(0)
  })

  it.each([
    ['no events', { Events: [] }, '/Events'],
    ['a relative URL', { TargetUrl: '/hook' }, '/TargetUrl'],
    ['a javascript: URL', { TargetUrl: 'javascript:alert(1)' }, '/TargetUrl'],
    ['a number as name', { Name: 42 }, '/Name'],
    ['a too long name', { Name: 'x'.repeat(256) }, '/Name'],
    ['a NUL in the secret', { Secret: 'a\u0000b' }, '/Secret'],
  ])('%s', async (_case, change, path) => {
    const { app } = await createWebhookTestApp()
    const receiver = await startReceiver(() => 200)
    const res = await call(
      app,
      'POST',
      '/api/v1/Webhook',
      { ...valid(receiver.url), ...change },
      { auth: adminLogin, breaksDocument: 'rejected' }
    )
    expect(res.status).toBe(400)
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([path])
    expect(receiver.requests).toHaveLength(0)
  })

  it('bodies that are not a JSON object', async () => {
    const { app } = await createWebhookTestApp()
    const bad = { auth: adminLogin, breaksDocument: 'rejected' } as const
    const broken = await call(app, 'POST', '/api/v1/Webhook', '{"Name":', bad)
    expect(broken.status).toBe(400)
    const array = await call(app, 'POST', '/api/v1/Webhook', [], bad)
    expect(array.status).toBe(400)
    const text = await call(app, 'POST', '/api/v1/Webhook', 'Name=x', {
      ...bad,
      headers: { 'content-type': 'text/plain' },
    })
    expect(text.status).toBe(415)
    expect(await hookCount(app)).toBe(0)
  })
})

describe('webhook access', { timeout: 30_000 }, () => {
  it('registering and deleting need full rights (403); every route needs credentials (401)', async () => {
    const { app } = await createWebhookTestApp()
    const receiver = await startReceiver(() => 200)
    const denied = await call(app, 'POST', '/api/v1/Webhook', valid(receiver.url), {
      auth: agentLogin,
    })
    expect(denied.status).toBe(403)
    expect(denied.body.code).toBe('FORBIDDEN')
    expect(receiver.requests).toHaveLength(0)

    const created = await call(app, 'POST', '/api/v1/Webhook', valid(receiver.url), {
      auth: adminLogin,
    })
    const id = created.body.WebhookId
    const notDeleted = await call(app, 'DELETE', `/api/v1/Webhook/${id}`, undefined, {
      auth: agentLogin,
    })
    expect(notDeleted.status).toBe(403)
    expect(await hookCount(app)).toBe(1)

    for (const [method, path] of [
      ['GET', '/api/v1/Webhook'],
      ['POST', '/api/v1/Webhook'],
      ['GET', `/api/v1/Webhook/${id}/Deliveries`],
      ['DELETE', `/api/v1/Webhook/${id}`],
    ] as const) {
      // A registration without a body: refused for the credentials before the body is read.
      const res = await call(app, method, path, undefined, {
        auth: null,
        breaksDocument: 'rejected',
      })
      expect(res.status, `${method} ${path}`).toBe(401)
    }
  })

  it('ids that are not positive integers are 400; unknown ones 404', async () => {
    const { app } = await createWebhookTestApp()
    for (const id of ['abc', '0', '-3', '1.5', '99999999999']) {
      const res = await call(app, 'GET', `/api/v1/Webhook/${id}`, undefined, {
        auth: adminLogin,
        breaksDocument: 'rejected',
      })
      expect(res.status, id).toBe(400)
      expect(res.body.errors[0].path).toBe('/id')
    }
    const missing = await call(app, 'GET', '/api/v1/Webhook/777', undefined, { auth: adminLogin })
    expect(missing.status, missing.text).toBe(404)
    expect(missing.body.detail).toBe('Webhook 777 does not exist.')
  })
})
