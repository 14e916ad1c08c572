import { beforeAll, describe, expect, it } from 'vitest'
import { compileResponseValidators } from '../test/contract/warm-up.ts'
import { call } from '../test/requests.ts'
import { deliveriesWhen, registerHook, signatureValid } from '../test/webhooks/hooks.ts'
import { type Answer, startReceiver } from '../test/webhooks/receiver.ts'
import { adminLogin, agentLogin, createWebhookTestApp } from '../test/webhooks/webhook-test-app.ts'

describe('dead deliveries and replay', { timeout: 30_000 }, () => {
  // Deliveries time out after 400 ms: the document's validators must not be compiled meanwhile.
  beforeAll(() => compileResponseValidators(), 60_000)

  it('gives up after the last try, keeps the event, and replays it with the same EventId and body', async () => {
    const { app } = await createWebhookTestApp({
      webhooks: { retry: { baseMs: 10, capMs: 40, maxTries: 3 }, pollMs: 10, timeoutMs: 400 },
    })
    // test event, 3 failures (dead), replay: no answer then 200, second replay: 200.
    const script: Answer[] = [200, 500, 500, 500, 'hang', 200, 200]
    const receiver = await startReceiver((n) => script[n] ?? 500)
    const hook = await registerHook(app, receiver.url, { Secret: 'replay-secret' })
    const saved = await call(
      app,
      'POST',
      '/api/v1/Ticket',
      { Title: 'lost?' },
      { auth: adminLogin }
    )
    expect(saved.status).toBe(200)

    const dead = await deliveriesWhen(app, hook.WebhookId, (l) => l[0]?.Status === 'dead')
    const event = dead[0] ?? {}
    expect(event).toMatchObject({
      Event: 'ticket.created',
      Tries: 3,
      LastStatusCode: 500,
      LastError: 'HTTP 500',
      NextAttemptAt: null,
      DeliveredAt: null,
    })
    expect(receiver.requests).toHaveLength(4)
    const original = receiver.requests[1]?.body
    const path = `/api/v1/Webhook/${hook.WebhookId}/Deliveries/${event.DeliveryId}/Replay`

    const denied = await call(app, 'POST', path, undefined, { auth: agentLogin })
    expect(denied.status).toBe(403)
    const unknown = await call(
      app,
      'POST',
      `/api/v1/Webhook/${hook.WebhookId}/Deliveries/9999/Replay`,
      undefined,
      { auth: adminLogin }
    )
    expect(unknown.status).toBe(404)
    const otherHook = await call(
      app,
      'POST',
      `/api/v1/Webhook/${hook.WebhookId + 1}/Deliveries/${event.DeliveryId}/Replay`,
      undefined,
      { auth: adminLogin }
    )
    expect(otherHook.status).toBe(404)
    expect(receiver.requests).toHaveLength(4)

    const replay = await call(app, 'POST', path, undefined, { auth: adminLogin })
    expect(replay.status, replay.text).toBe(202)
    expect(replay.body).toMatchObject({ EventId: event.EventId, Status: 'pending', Tries: 0 })
    await receiver.received(5)
    // The first replayed try hangs: the delivery is in flight, so another replay is refused.
    const twice = await call(app, 'POST', path, undefined, { auth: adminLogin })
    expect(twice.status).toBe(409)

    const delivered = await deliveriesWhen(app, hook.WebhookId, (l) => l[0]?.Status === 'delivered')
    expect(delivered[0]).toMatchObject({ EventId: event.EventId, Tries: 2, LastStatusCode: 200 })
    const replayed = receiver.requests.slice(4)
    expect(replayed.map((r) => r.headers['x-superoffice-eventid'])).toEqual([
      event.EventId,
      event.EventId,
    ])
    expect(replayed.map((r) => r.headers['x-superoffice-retry'])).toEqual(['1', '2'])
    expect(replayed.map((r) => r.body)).toEqual([original, original])
    expect(replayed.every((r) => signatureValid(r, 'replay-secret'))).toBe(true)

    // A delivered event can be replayed too (a receiver that lost its copy).
    const again = await call(app, 'POST', path, undefined, { auth: adminLogin })
    expect(again.status).toBe(202)
    await receiver.received(7)
    expect(receiver.requests[6]?.body).toBe(original)
    await deliveriesWhen(app, hook.WebhookId, (l) => l[0]?.Status === 'delivered')
    expect(receiver.requests).toHaveLength(7)
  })
})
