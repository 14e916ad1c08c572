import { createHmac } from 'node:crypto'
import type { App } from '../../app.ts'
import { call } from '../requests.ts'
import type { ReceivedRequest } from './receiver.ts'
import { adminLogin } from './webhook-test-app.ts'

/** Registers a webhook through the API as the admin; fails the test unless it is created. */
export async function registerHook(
  app: App,
  targetUrl: string,
  fields: { Name?: string; Events?: string[]; Secret?: string; State?: string } = {}
) {
  const res = await call(
    app,
    'POST',
    '/api/v1/Webhook',
    {
      Name: fields.Name ?? 'crm-sync',
      Events: fields.Events ?? ['ticket.created', 'ticket.changed', 'ticket.deleted'],
      TargetUrl: targetUrl,
      Secret: fields.Secret ?? 'hook-secret',
      State: fields.State ?? 'Active',
      Type: 'webhook',
    },
    { auth: adminLogin }
  )
  if (res.status !== 201) {
    throw new Error(`webhook not registered: ${res.status} ${res.text}`)
  }
  return res.body as { WebhookId: number; Name: string }
}

/** What a receiver does to trust a request: recompute the HMAC of the raw body. */
export function signatureValid(request: ReceivedRequest, secret: string): boolean {
  const expected = createHmac('sha256', secret).update(request.body).digest('base64')
  return request.headers['x-superoffice-signature'] === expected
}

/** Polls the delivery log until `done` holds (the dispatcher works in the background). */
export async function deliveriesWhen(
  app: App,
  webhookId: number,
  done: (log: Array<Record<string, unknown>>) => boolean,
  timeoutMs = 10_000
) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const res = await call(app, 'GET', `/api/v1/Webhook/${webhookId}/Deliveries`, undefined, {
      auth: adminLogin,
    })
    const log = res.body as Array<Record<string, unknown>>
    if (done(log)) {
      return log
    }
    if (Date.now() > deadline) {
      throw new Error(`delivery log never matched: ${JSON.stringify(log)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
