import type { TSchema } from '@sinclair/typebox'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import { describe, expect, it } from 'vitest'
import { components, MDOListItem, storageTables, TenantFile } from './model.ts'

const objectProperties = (schema: TSchema): Record<string, TSchema> =>
  schema.type === 'object' && typeof schema.properties === 'object' ? schema.properties : {}

describe('components', () => {
  it('all have a unique $id', () => {
    const ids = components.map((c) => c.$id)
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('describe themselves and every property', () => {
    const missing: string[] = []
    for (const component of components) {
      if (typeof component.description !== 'string') {
        missing.push(String(component.$id))
      }
      for (const [name, property] of Object.entries(objectProperties(component))) {
        if (typeof property.description !== 'string' || property.description.length === 0) {
          missing.push(`${component.$id}.${name}`)
        }
      }
    }
    expect(missing).toEqual([])
  })

  it('all compile with the TypeCompiler', () => {
    for (const component of components) {
      expect(() => TypeCompiler.Compile(component)).not.toThrow()
    }
  })
})

describe('MDOListItem', () => {
  const check = TypeCompiler.Compile(MDOListItem)
  const item = (Id: number, ChildItems: unknown[] = []) => ({
    Id,
    Name: `Item ${Id}`,
    ToolTip: '',
    Deleted: false,
    Rank: Id,
    Type: '',
    ChildItems,
    IconHint: '',
    ColorBlock: 0,
    ExtraInfo: '',
    StyleHint: '',
    FullName: '',
  })

  it('validates nested child items', () => {
    expect(check.Check(item(1, [item(2, [item(3)])]))).toBe(true)
    expect(check.Check(item(1, [item(2, [{ Id: 'x' }])]))).toBe(false)
  })

  it('refers to itself in JSON schema', () => {
    const json = JSON.parse(JSON.stringify(MDOListItem))
    expect(json.$id).toBe('MDOListItem')
    expect(json.properties.ChildItems.items).toEqual({ $ref: 'MDOListItem' })
  })
})

describe('storageTables', () => {
  it('lists tables in dependency order', () => {
    const names = storageTables.map((t) => t.name)
    const seen = new Set<string>()
    for (const table of storageTables) {
      for (const property of Object.values(table.schema.properties)) {
        const hint: unknown = property['x-db']
        if (typeof hint === 'object' && hint !== null && 'table' in hint && 'kind' in hint) {
          const target = hint.kind === 'reference' ? hint.table : undefined
          if (typeof target === 'string' && target !== table.name) {
            expect(seen.has(target), `${table.name} → ${target}`).toBe(true)
          }
        }
      }
      seen.add(table.name)
    }
    expect(names).toContain('tickets')
  })

  it('has primary keys that are properties', () => {
    for (const table of storageTables) {
      for (const key of table.primaryKey) {
        expect(table.schema.properties, table.name).toHaveProperty(key)
      }
    }
  })
})

describe('TenantFile', () => {
  const check = TypeCompiler.Compile(TenantFile)

  it('accepts a minimal hand-written tenant', () => {
    const tenant = {
      Associates: [
        {
          UserName: 'anna',
          Password: 'demo',
          FullName: 'Anna Admin',
          Name: 'AA',
          Email: 'anna@example.com',
          IsAdmin: true,
        },
      ],
      Statuses: [{ Name: 'Open', Status: 'Active', IsDefault: true }],
      Priorities: [{ Name: 'NO:"Høy";US:"High"', Flags: 'Default', MonStart: '08:00' }],
      Categories: [
        {
          Name: 'Support',
          DelegateMethod: 'Weighted',
          Flags: 'NotifyMembers',
          CategoryMaster: 'anna',
          Members: [{ UserName: 'anna', Weight: 2 }],
        },
      ],
    }
    expect([...check.Errors(tenant)]).toEqual([])
  })

  it('rejects misspelt keys and bad times', () => {
    expect(check.Check({ Statuses: [{ Name: 'Open', Staus: 'Active' }] })).toBe(false)
    expect(check.Check({ Priorities: [{ Name: 'High', MonStart: '25:00' }] })).toBe(false)
  })
})
