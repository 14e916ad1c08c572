import { randomUUID } from 'node:crypto'
import { ops } from '@ticket/schema'
import { asc, eq } from 'drizzle-orm'
import type { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { fullRights } from '../auth/full-rights.ts'
import type { Store } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { ApiError } from '../http/api-error.ts'
import { route } from '../http/route.ts'
import { testEventBody } from './event-body.ts'
import { completeRegistration, type Registration, registrationRules } from './parse-registration.ts'
import { postEvent } from './post-event.ts'
import type { SecretBox } from './secret-box.ts'
import { refusedTarget } from './target-policy.ts'
import { webhookToWire } from './to-wire.ts'
import type { WebhookRegistry } from './webhook-registry.ts'

export interface WebhookRoutesDeps {
  store: Store
  /** The saves' copy of the active webhooks: told at once when a registration commits. */
  registry: WebhookRegistry
  now: () => Date
  /** ContextIdentifier of every payload: this installation's public URL. */
  contextIdentifier: string
  /** How long the target may take to answer the test event. */
  timeoutMs: number
  /** Looks for due deliveries now (after a replay). */
  wake: () => void
  /** Encrypts secrets for storage. */
  secrets: SecretBox
  /** Whether loopback and private targets are allowed. */
  allowInternal: boolean
}

export const notFoundWebhook = (id: number) =>
  new ApiError('NOT_FOUND', `Webhook ${id} does not exist.`)

/** `POST/GET/DELETE /api/v1/Webhook`: registration (after a test event), listing, removal. */
export function registerWebhookRoutes(app: Hono<AppEnv>, deps: WebhookRoutesDeps) {
  const { store, registry } = deps
  const t = tablesOf(store.db)

  route(
    app,
    ops.Webhook_Create,
    async (c, { body, send }) => {
      const registration = completeRegistration(body)
      const actorId = c.get('caller').associateId
      // Sealed first: without a key nothing is sent and nothing is stored.
      const sealedSecret = deps.secrets.seal(registration.Secret)
      const refused = await refusedTarget(registration.TargetUrl, deps.allowInternal)
      if (refused) {
        throw new ApiError('VALIDATION', `Webhook not registered: ${refused}.`, {
          errors: [{ path: '/TargetUrl', message: refused, code: 'target_refused' }],
        })
      }
      const test = await sendTestEvent(deps, registration, actorId)
      const { row, announce } = await store.transaction(async (tx) => {
        const [hook] = await tx
          .insert(t.webhooks)
          .values({
            name: registration.Name,
            events: registration.Events,
            targetUrl: registration.TargetUrl,
            secret: sealedSecret,
            state: registration.State,
            type: registration.Type,
            registered: test.at,
            registeredAssociateId: actorId,
          })
          .returning()
        if (!hook) {
          throw new Error('webhook insert returned no row')
        }
        // The accepted test event opens the delivery log.
        await tx.insert(t.webhookDeliveries).values({
          webhookId: hook.webhookId,
          eventId: test.eventId,
          event: 'test',
          status: 'delivered',
          tries: 1,
          lastStatusCode: 200,
          createdAt: test.at,
          deliveredAt: test.at,
          dedupeKey: `${hook.webhookId}:${test.eventId}`,
          body: test.body,
        })
        return { row: hook, announce: await store.changes.stage(tx, 'webhooks') }
      })
      registry.invalidate()
      announce()
      return send(webhookToWire(row), { headers: { Location: `/api/v1/Webhook/${row.webhookId}` } })
    },
    { guard: fullRights('register webhooks'), body: registrationRules }
  )

  route(app, ops.Webhook_GetAll, async (_c, { send }) => {
    const rows = await store.reader.select().from(t.webhooks).orderBy(asc(t.webhooks.webhookId))
    return send(rows.map(webhookToWire))
  })

  route(app, ops.Webhook_Get, async (_c, { params: { id }, send }) => {
    const [row] = await store.reader.select().from(t.webhooks).where(eq(t.webhooks.webhookId, id))
    if (!row) {
      throw notFoundWebhook(id)
    }
    return send(webhookToWire(row))
  })

  route(
    app,
    ops.Webhook_Delete,
    async (c, { params: { id } }) => {
      const { deleted, announce } = await store.transaction(async (tx) => ({
        deleted: await tx
          .delete(t.webhooks)
          .where(eq(t.webhooks.webhookId, id))
          .returning({ id: t.webhooks.webhookId }),
        announce: await store.changes.stage(tx, 'webhooks'),
      }))
      registry.invalidate()
      announce()
      if (deleted.length === 0) {
        throw notFoundWebhook(id)
      }
      return c.body(null, 204)
    },
    { guard: fullRights('delete webhooks') }
  )
}

/** SuperOffice's rule: a target that does not answer the test event with 200 is refused. */
async function sendTestEvent(deps: WebhookRoutesDeps, registration: Registration, actorId: number) {
  const eventId = randomUUID()
  const at = deps.now().toISOString()
  const body = testEventBody(
    { eventId, webhookName: registration.Name, contextIdentifier: deps.contextIdentifier },
    actorId,
    at
  )
  const outcome = await postEvent(
    {
      targetUrl: registration.TargetUrl,
      secret: registration.Secret,
      event: 'test',
      eventId,
      attempt: 1,
      body,
    },
    deps.timeoutMs
  )
  if (outcome.status !== 200) {
    const reason = outcome.ok ? `HTTP ${outcome.status}` : outcome.error
    const message = `the target must answer the test event with 200; it answered: ${reason}`
    throw new ApiError('VALIDATION', `Webhook not registered: ${message}.`, {
      errors: [{ path: '/TargetUrl', message, code: 'test_event_refused' }],
    })
  }
  return { eventId, at, body }
}
