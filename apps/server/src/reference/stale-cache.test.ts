import type { TenantFile } from '@ticket/schema'
import { and, count, eq, like } from 'drizzle-orm'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { App } from '../app.ts'
import type { Store } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { importTenant } from '../tenant/import-tenant.ts'
import { createTestApp } from '../test/harness.ts'
import { createTestDatabase } from '../test/postgres.ts'
import { call } from '../test/requests.ts'
import { demoTenant } from '../test/tenant/tenant-fixtures.ts'
import { startReceiver } from '../test/webhooks/receiver.ts'

// Reference data and the webhook registry are held in memory by every server process. These
// tests change them the way an operator does (tenant import, DELETE /Webhook) and check that the
// very next save uses the new data: in the process that changed it, and in another process on
// the same PostgreSQL database once the change feed has told it.

// The webhook receiver of these tests listens on loopback.
const demo = { TICKET_DEMO_DATA: '1', TICKET_WEBHOOK_ALLOW_PRIVATE: '1' }

async function supportCategoryId(app: App): Promise<number> {
  const res = await call(app, 'GET', '/api/v1/MDOList/ejcategory')
  const item = (res.body as { Id: number; Name: string }[]).find((i) => i.Name === 'Support')
  if (!item) {
    throw new Error(`no Support category: ${res.text}`)
  }
  return item.Id
}

async function saveInSupport(app: App, categoryId: number) {
  const res = await call(app, 'POST', '/api/v1/Ticket', {
    Title: 'cache check',
    Category: { TicketCategoryId: categoryId },
  })
  expect(res.status, res.text).toBe(200)
  return res.body as { TicketId: number; Category: { ExternalName: string } }
}

function editedSupport(externalName: string): TenantFile {
  const file = demoTenant()
  return {
    Categories: (file.Categories ?? []).map((c) =>
      c.Name === 'Support' ? { ...c, ExternalName: externalName } : c
    ),
  } as TenantFile
}

/** Resolves when `store`'s change feed has delivered `topic` (and so its caches have dropped). */
function heard(store: Store, topic: 'reference' | 'preferences' | 'webhooks') {
  return new Promise<void>((resolve) => {
    const stop = store.changes.subscribe(topic, () => {
      stop()
      resolve()
    })
  })
}

async function registerWebhook(app: App, targetUrl: string) {
  const res = await call(app, 'POST', '/api/v1/Webhook', {
    Name: 'cache-check',
    Events: ['ticket.created', 'ticket.changed'],
    TargetUrl: targetUrl,
    Secret: 'cache-check-secret',
    State: 'Active',
    Type: 'webhook',
  })
  expect(res.status, res.text).toBe(201)
  return (res.body as { WebhookId: number }).WebhookId
}

async function deliveryCount(store: Store) {
  const [row] = await store.db.select({ n: count() }).from(tablesOf(store.db).webhookDeliveries)
  return Number(row?.n ?? 0)
}

const receiver = () => startReceiver(() => 200)

const HIGH = 'NO:"Høy";US:"High"'

/** The demo's "High" priority (open around the clock, in UTC) by id. */
async function highPriorityId(store: Store): Promise<number> {
  const t = tablesOf(store.db).ticketPriorities
  const [row] = await store.db.select().from(t).where(like(t.name, '%High%'))
  if (!row) {
    throw new Error('no High priority')
  }
  return row.ticketPriorityId
}

/** Minutes from creation to the deadline of a new ticket of `priorityId` sent without one. */
async function deadlineMinutes(app: App, priorityId: number) {
  const res = await call(app, 'POST', '/api/v1/Ticket', {
    Title: 'priority rules cache check',
    Priority: { TicketPriorityId: priorityId },
  })
  expect(res.status, res.text).toBe(200)
  const { CreatedAt, Deadline } = res.body as { CreatedAt: string; Deadline: string }
  return (Date.parse(Deadline) - Date.parse(CreatedAt)) / 60_000
}

/** The demo priorities with "High"'s deadline moved to `minutes`. */
function editedHighDeadline(minutes: number): TenantFile {
  const file = demoTenant()
  return {
    Priorities: (file.Priorities ?? []).map((p) =>
      p.Name === HIGH ? { ...p, Deadline: minutes } : p
    ),
  } as TenantFile
}

/** A mandatory Int custom field: a new ticket without it is refused. */
const mandatoryUnits: TenantFile = {
  CustomFields: [{ FieldName: 'x_units', FieldType: 'Int', IsMandatory: true, Rank: 1 }],
} as TenantFile

async function createWithUnits(app: App, units?: string) {
  return call(app, 'POST', '/api/v1/Ticket', {
    Title: 'custom-field cache check',
    ...(units !== undefined && { CustomFields: { x_units: units } }),
  })
}

function supportMembers(userNames: string[]): TenantFile {
  const file = demoTenant()
  return {
    Categories: (file.Categories ?? []).map((c) =>
      c.Name === 'Support' ? { ...c, Members: userNames.map((UserName) => ({ UserName })) } : c
    ),
  } as TenantFile
}

/** The demo tenant's Support members, by user name. */
const demoSupportMembers = ['bjorn', 'carla', 'fredrik']

/** The user names a new ticket in Support told as category members (in-app, notify=true). */
async function membersTold(app: App, store: Store, categoryId: number): Promise<string[]> {
  const res = await call(app, 'POST', '/api/v1/Ticket?notify=true', {
    Title: 'members cache check',
    Category: { TicketCategoryId: categoryId },
  })
  expect(res.status, res.text).toBe(200)
  const { notificationOutbox: outbox, associates } = tablesOf(store.db)
  const rows = await store.db
    .select({ userName: associates.userName })
    .from(outbox)
    .innerJoin(associates, eq(associates.associateId, outbox.recipientAssociateId))
    .where(
      and(
        eq(outbox.ticketId, res.body.TicketId),
        eq(outbox.event, 'CategoryNewTicket'),
        eq(outbox.channel, 'inapp')
      )
    )
  return rows.map((row) => row.userName ?? '').sort()
}

const bjorn = { username: 'bjorn', password: 'bjorn-demo-3958' }

/** Bjørn, a Support member, asks to hear nothing of new tickets in his categories. */
async function bjornMutesCategories(app: App) {
  const res = await call(
    app,
    'PUT',
    '/api/v1/Notification/Preferences',
    { CategoryNewTicket: 'none' },
    { auth: bjorn }
  )
  expect(res.status, res.text).toBe(200)
}

describe('caches of reference data and webhooks, in one process (SQLite file)', () => {
  it('a category edited by a tenant import is seen by the next save', async () => {
    const { app, deps } = await createTestApp({ database: 'file', env: demo })
    const id = await supportCategoryId(app)
    expect((await saveInSupport(app, id)).Category.ExternalName).toBe('Customer support')
    await importTenant(deps.store, editedSupport('Edited by import'), { now: () => new Date() })
    expect((await saveInSupport(app, id)).Category.ExternalName).toBe('Edited by import')
  })

  it("a category's members changed by a tenant import are told by the next save", async () => {
    const { app, deps } = await createTestApp({ database: 'file', env: demo })
    const id = await supportCategoryId(app)
    expect(await membersTold(app, deps.store, id)).toEqual(demoSupportMembers)
    await importTenant(deps.store, supportMembers(['anna', 'david']), { now: () => new Date() })
    expect(await membersTold(app, deps.store, id)).toEqual(['anna', 'david'])
  })

  it('a notification preference changed by its associate is used by the next save', async () => {
    const { app, deps } = await createTestApp({ database: 'file', env: demo })
    const id = await supportCategoryId(app)
    expect(await membersTold(app, deps.store, id)).toEqual(demoSupportMembers)
    await bjornMutesCategories(app)
    expect(await membersTold(app, deps.store, id)).toEqual(['carla', 'fredrik'])
  })

  it("a priority's rules edited by a tenant import are used by the next save", async () => {
    const { app, deps } = await createTestApp({ database: 'file', env: demo })
    const id = await highPriorityId(deps.store)
    expect(await deadlineMinutes(app, id)).toBe(60)
    await importTenant(deps.store, editedHighDeadline(150), { now: () => new Date() })
    expect(await deadlineMinutes(app, id)).toBe(150)
  })

  it('a custom field declared by a tenant import is checked by the next save', async () => {
    const { app, deps } = await createTestApp({ database: 'file', env: demo })
    // The catalog holds the (empty) declarations before the import.
    expect((await createWithUnits(app, 'many')).status).toBe(200)
    await importTenant(deps.store, mandatoryUnits, { now: () => new Date() })
    expect((await createWithUnits(app, 'many')).status).toBe(400)
    expect((await createWithUnits(app)).status).toBe(400)
    expect((await createWithUnits(app, '12')).status).toBe(200)
  })

  it('a tag a save created is known to the next save, without announcing it', async () => {
    const { app } = await createTestApp({ database: 'file', env: demo })
    const first = await call(app, 'POST', '/api/v1/Ticket', {
      Title: 'tag cache check',
      Tags: [{ Name: 'Fresh tag' }],
    })
    expect(first.status, first.text).toBe(200)
    const created = (first.body as { Tags: { Id: number }[] }).Tags[0]?.Id
    const again = await call(app, 'POST', '/api/v1/Ticket', {
      Title: 'tag cache check',
      Tags: [{ Name: ' fresh TAG ' }, { Id: created }],
    })
    expect(again.status, again.text).toBe(200)
    expect(again.body.Tags).toEqual([{ Id: created, Name: 'Fresh tag', ToolTip: '' }])
  })

  it('a deleted webhook gets no delivery from the next save', async () => {
    const { app, deps } = await createTestApp({ database: 'file', env: demo })
    const hook = await receiver()
    const id = await supportCategoryId(app)
    const webhookId = await registerWebhook(app, hook.url)
    const before = await deliveryCount(deps.store)
    await saveInSupport(app, id)
    expect(await deliveryCount(deps.store)).toBe(before + 1)
    expect((await call(app, 'DELETE', `/api/v1/Webhook/${webhookId}`)).status).toBe(204)
    const afterDelete = await deliveryCount(deps.store)
    await saveInSupport(app, id)
    expect(await deliveryCount(deps.store)).toBe(afterDelete)
  })
})

describe('caches across two server processes on one PostgreSQL database', () => {
  async function twoServers() {
    const database = await createTestDatabase()
    onTestFinished(() => database.drop())
    const first = await createTestApp({ database: database.url, env: demo })
    const second = await createTestApp({ database: database.url, env: demo })
    return { first, second }
  }

  it('a category edited by a tenant import in one is seen by the next save in the other', async () => {
    const { first, second } = await twoServers()
    const id = await supportCategoryId(second.app)
    // The second server has reference data in memory before the import.
    expect((await saveInSupport(second.app, id)).Category.ExternalName).toBe('Customer support')
    const told = heard(second.deps.store, 'reference')
    await importTenant(first.deps.store, editedSupport('Edited elsewhere'), {
      now: () => new Date(),
    })
    await told
    expect((await saveInSupport(second.app, id)).Category.ExternalName).toBe('Edited elsewhere')
  })

  it("a category's members changed by a tenant import in one are told by the next save in the other", async () => {
    const { first, second } = await twoServers()
    const id = await supportCategoryId(second.app)
    // The second server holds the members before the import.
    expect(await membersTold(second.app, second.deps.store, id)).toEqual(demoSupportMembers)
    const told = heard(second.deps.store, 'reference')
    await importTenant(first.deps.store, supportMembers(['anna', 'david']), {
      now: () => new Date(),
    })
    await told
    expect(await membersTold(second.app, second.deps.store, id)).toEqual(['anna', 'david'])
  })

  it('a notification preference changed through one is used by the next save in the other', async () => {
    const { first, second } = await twoServers()
    const id = await supportCategoryId(second.app)
    // The second server holds the preferences before the change.
    expect(await membersTold(second.app, second.deps.store, id)).toEqual(demoSupportMembers)
    const told = heard(second.deps.store, 'preferences')
    await bjornMutesCategories(first.app)
    await told
    expect(await membersTold(second.app, second.deps.store, id)).toEqual(['carla', 'fredrik'])
  })

  it("a priority's rules edited by a tenant import in one are used by the next save in the other", async () => {
    const { first, second } = await twoServers()
    const id = await highPriorityId(second.deps.store)
    // The second server holds the rules before the import.
    expect(await deadlineMinutes(second.app, id)).toBe(60)
    const told = heard(second.deps.store, 'reference')
    await importTenant(first.deps.store, editedHighDeadline(150), { now: () => new Date() })
    await told
    expect(await deadlineMinutes(second.app, id)).toBe(150)
  })

  it('a custom field declared by a tenant import in one is checked by the next save in the other', async () => {
    const { first, second } = await twoServers()
    expect((await createWithUnits(second.app, 'many')).status).toBe(200)
    const told = heard(second.deps.store, 'reference')
    await importTenant(first.deps.store, mandatoryUnits, { now: () => new Date() })
    await told
    expect((await createWithUnits(second.app, 'many')).status).toBe(400)
    expect((await createWithUnits(second.app)).status).toBe(400)
    expect((await createWithUnits(second.app, '12')).status).toBe(200)
  })

  it('a tag created through one is found by id and by name in the other', async () => {
    const { first, second } = await twoServers()
    // The second server holds the tags before the first creates one.
    expect((await createWithUnits(second.app)).status).toBe(200)
    const made = await call(first.app, 'POST', '/api/v1/Ticket', {
      Title: 'tag made here',
      Tags: [{ Name: 'Made elsewhere' }],
    })
    expect(made.status, made.text).toBe(200)
    const id = (made.body as { Tags: { Id: number }[] }).Tags[0]?.Id
    const byId = await call(second.app, 'POST', '/api/v1/Ticket', {
      Title: 'tag used there',
      Tags: [{ Id: id }, { Name: 'made ELSEWHERE' }],
    })
    expect(byId.status, byId.text).toBe(200)
    expect(byId.body.Tags).toEqual([{ Id: id, Name: 'Made elsewhere', ToolTip: '' }])
  })

  it('a webhook deleted through one gets no delivery from the next save in the other', async () => {
    const { first, second } = await twoServers()
    const hook = await receiver()
    const id = await supportCategoryId(second.app)
    const registered = heard(second.deps.store, 'webhooks')
    const webhookId = await registerWebhook(first.app, hook.url)
    await registered
    const before = await deliveryCount(second.deps.store)
    await saveInSupport(second.app, id)
    expect(await deliveryCount(second.deps.store)).toBe(before + 1)
    const deleted = heard(second.deps.store, 'webhooks')
    expect((await call(first.app, 'DELETE', `/api/v1/Webhook/${webhookId}`)).status).toBe(204)
    await deleted
    const afterDelete = await deliveryCount(second.deps.store)
    await saveInSupport(second.app, id)
    expect(await deliveryCount(second.deps.store)).toBe(afterDelete)
  })
})
