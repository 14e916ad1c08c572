import { describe, expect, it } from 'vitest'
import { importTenant } from '../tenant/import-tenant.ts'
import { createTestApp } from '../test/harness.ts'
import { createTestDatabase } from '../test/postgres.ts'
import { call } from '../test/requests.ts'

const tenant = {
  CustomFields: [
    { FieldName: 'x_region', FieldType: 'ShortText', DisplayName: 'Region', Rank: 2 },
    { FieldName: 'x_units', FieldType: 'Int', DisplayName: 'Units', Rank: 1, IsIndexed: true },
    { FieldName: 'x_due', FieldType: 'Date', Rank: 3 },
    {
      FieldName: 'x_po',
      FieldType: 'ShortText',
      DisplayName: 'PO number',
      IsMandatory: true,
      Rank: 4,
    },
  ],
}

describe.each(['sqlite', 'pg'] as const)('ticket custom fields on %s', (dialect) => {
  it('lists the tenant file’s metadata and checks values on save by type', async () => {
    const database = dialect === 'pg' ? await createTestDatabase() : undefined
    const { app, deps } = await createTestApp({ database: database?.url ?? ':memory:' })
    try {
      await importTenant(deps.store, tenant, { now: () => new Date(), source: 'test' })
      const list = await call(app, 'GET', '/api/v1/Ticket/CustomField')
      expect(list.status, list.text).toBe(200)
      expect(list.body.map((f: { FieldName: string }) => f.FieldName)).toEqual([
        'x_units',
        'x_region',
        'x_due',
        'x_po',
      ])
      expect(list.body[0]).toEqual({
        FieldType: 'Int',
        FieldName: 'x_units',
        DisplayName: 'Units',
        Description: '',
        ShortLabel: '',
        HideLabel: false,
        HideField: false,
        IsIndexed: true,
        IsMandatory: false,
        IsReadOnly: false,
        IsExternal: false,
        Rank: 1,
        TemplateVariableName: 'x_units',
      })
      const one = await call(app, 'GET', '/api/v1/Ticket/CustomField/X_REGION')
      expect(one.body).toMatchObject({ FieldName: 'x_region', DisplayName: 'Region' })
      expect((await call(app, 'GET', '/api/v1/Ticket/CustomField/nope')).status).toBe(404)

      const bad = await call(app, 'POST', '/api/v1/Ticket', {
        Title: 'Typed',
        CustomFields: { x_units: 'many', x_due: '2024-02-30', other: 'anything' },
      })
      expect(bad.status, bad.text).toBe(400)
      expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
        '/CustomFields/x_due',
        '/CustomFields/x_po',
        '/CustomFields/x_units',
      ])
      const before = await call(app, 'GET', '/api/v1/Ticket')
      expect(before.body.value).toEqual([])
      const good = await call(app, 'POST', '/api/v1/Ticket', {
        Title: 'Typed',
        CustomFields: { x_units: '12', x_due: '2024-02-29', x_po: 'PO-7', other: 'anything' },
      })
      expect(good.status, good.text).toBe(200)
      expect(good.body.CustomFields).toMatchObject({ x_units: '12', other: 'anything' })
      const found = await call(
        app,
        'GET',
        `/api/v1/Ticket?$select=customFields/x_units&$filter=${encodeURIComponent("customFields/x_po eq 'PO-7'")}`
      )
      expect(found.body.value).toEqual([
        { PrimaryKey: good.body.TicketId, EntityName: 'ticket', customFields___x_units: '12' },
      ])
      const update = await call(app, 'PUT', `/api/v1/Ticket/${good.body.TicketId}`, {
        Title: 'Typed',
        CustomFields: { x_units: '1.5', x_po: 'PO-7' },
      })
      expect(update.status).toBe(400)
      expect(update.body.errors[0].path).toBe('/CustomFields/x_units')
    } finally {
      await deps.shutdown()
      await database?.drop()
    }
  })
})
