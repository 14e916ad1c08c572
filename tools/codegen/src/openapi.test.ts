import { Type } from '@sinclair/typebox'
import { describe, expect, test } from 'vitest'
import type { ApiSpec } from './contract'
import { apiSpec } from './fixtures/api'
import { isRecord } from './json'
import { buildOpenApiDocument } from './openapi'
import { serializeJson, stampJson } from './stamp'

const doc = buildOpenApiDocument(apiSpec)
const schemas = (doc.components.schemas ?? {}) as Record<string, Record<string, unknown>>
const item = schemas.Item?.properties as Record<string, unknown>
const paths = doc.paths as Record<string, Record<string, Record<string, unknown>>>
const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` })

/** Every key used anywhere in the document, to prove what was stripped. */
function keysDeep(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) {
      keysDeep(v, into)
    }
  } else if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) {
      into.add(k)
      keysDeep(v, into)
    }
  }
  return into
}

describe('components', () => {
  test('are keyed by $id and sorted', () => {
    expect(Object.keys(schemas)).toEqual(['ErrorEnvelope', 'Item', 'Owner', 'Status', 'Tree'])
  })

  test('nested components become $refs in properties, arrays, unions and records', () => {
    expect(item.Status).toEqual(ref('Status'))
    expect(item.Watchers).toEqual({ type: 'array', items: ref('Owner'), xml: { wrapped: true } })
    expect(item.ByName).toEqual({ type: 'object', patternProperties: { '^(.*)$': ref('Owner') } })
    expect(item.Parent).toEqual(ref('Item'))
    expect(item.Category).toEqual(ref('Tree'))
  })

  test('a nullable carrier is anyOf [$ref, null]', () => {
    expect(item.Owner).toEqual({ anyOf: [ref('Owner'), { type: 'null' }] })
  })

  test('a recursive schema refers to itself by component path', () => {
    expect(schemas.Tree).toEqual({
      type: 'object',
      required: ['Name', 'Children'],
      properties: {
        Name: { type: 'string' },
        Children: { type: 'array', items: ref('Tree'), xml: { wrapped: true } },
      },
      xml: { name: 'Tree' },
    })
  })

  test('x-db keys and $id are stripped, other x- keys and property names are kept', () => {
    const keys = keysDeep(doc)
    expect([...keys].filter((k) => k.startsWith('x-db'))).toEqual(['x-dbx'])
    expect(keys.has('$id')).toBe(false)
    expect(Object.keys(item)).toContain('x-dbx')
    expect(schemas.Status?.['x-enum-values']).toEqual({ open: 1, closed: 2 })
  })

  test('TypeBox symbols do not survive', () => {
    expect(Object.getOwnPropertySymbols(item.Title)).toEqual([])
  })

  test('object components are named for XML, non-objects are not', () => {
    expect(schemas.Owner?.xml).toEqual({ name: 'Owner' })
    expect(schemas.Status?.xml).toBeUndefined()
  })

  test('property order is the defined order', () => {
    expect(Object.keys(item).slice(0, 4)).toEqual(['ItemId', 'Title', 'Status', 'Owner'])
  })
})

describe('operations', () => {
  const getItem = paths['/items/{id}']?.get

  test('paths are sorted and methods follow OpenAPI order', () => {
    expect(Object.keys(paths)).toEqual(['/health', '/items', '/items/{id}'])
    expect(Object.keys(paths['/items/{id}'] ?? {})).toEqual(['get', 'put', 'delete'])
  })

  test('path, query and header parameters', () => {
    expect(getItem?.parameters).toEqual([
      {
        name: 'id',
        in: 'path',
        required: true,
        description: 'Item id',
        schema: { description: 'Item id', type: 'integer' },
      },
      {
        name: 'select',
        in: 'query',
        required: false,
        description: 'Fields',
        schema: { description: 'Fields', type: 'string' },
      },
      {
        name: 'mode',
        in: 'query',
        required: true,
        schema: {
          anyOf: [
            { const: 'full', type: 'string' },
            { const: 'short', type: 'string' },
          ],
        },
      },
      { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } },
    ])
  })

  test('responses are sorted by status, bodiless ones have no content', () => {
    const responses = getItem?.responses as Record<string, Record<string, unknown>>
    expect(Object.keys(responses)).toEqual(['200', '304', '404'])
    expect(responses['304']).toEqual({ description: 'Not modified' })
    expect(responses['200']).toEqual({
      description: 'The item',
      headers: { ETag: { description: 'Version tag', schema: { type: 'string' } } },
      content: {
        'application/json': { schema: ref('Item') },
        'application/xml': { schema: ref('Item') },
      },
    })
    expect(responses['404']?.content).toEqual({
      'application/problem+json': { schema: ref('ErrorEnvelope') },
    })
  })

  test('request body has one content entry per media type', () => {
    expect(paths['/items']?.post?.requestBody).toEqual({
      description: 'The new item',
      required: true,
      content: {
        'application/json': { schema: ref('Item') },
        'application/xml': { schema: ref('Item') },
      },
    })
  })

  test('alternative bodies add media types with their own schema', () => {
    const body = paths['/items/{id}']?.put?.requestBody as { content: Record<string, unknown> }
    expect(body.content).toEqual({
      'application/json': { schema: ref('Item') },
      'application/x-ops': { schema: { type: 'array', items: { type: 'string' } } },
    })
  })

  test('security: public is explicit, the default is stated once, others are listed', () => {
    expect(doc.security).toEqual([{ basic: [] }, { bearer: [] }])
    expect(paths['/health']?.get?.security).toEqual([])
    expect(paths['/items']?.post?.security).toEqual([{ bearer: [] }])
    expect(paths['/items/{id}']?.put).not.toHaveProperty('security')
    expect(getItem).not.toHaveProperty('security')
    expect(Object.keys(doc.components.securitySchemes ?? {})).toEqual(['basic', 'bearer'])
  })

  test('document header', () => {
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.info).toEqual({ title: 'Fixture API', version: '1.2.3', description: 'For tests' })
    expect(doc.tags).toEqual([{ name: 'Item' }, { name: 'Meta' }])
  })
})

describe('determinism and errors', () => {
  test('two builds are equal, byte for byte', () => {
    const again = buildOpenApiDocument(apiSpec)
    expect(again).toEqual(doc)
    expect(serializeJson(again)).toBe(serializeJson(doc))
    expect(serializeJson(doc).endsWith('}\n')).toBe(true)
  })

  test('component order in the spec does not matter', () => {
    const shuffled = { ...apiSpec, components: [...apiSpec.components].reverse() }
    expect(serializeJson(buildOpenApiDocument(shuffled))).toBe(serializeJson(doc))
  })

  test('stampJson adds the generated marker without mutating', () => {
    const stamped = stampJson(doc, 'scripts/generate.ts')
    expect(stamped.info['x-generated']).toBe('generated by scripts/generate.ts, do not edit')
    expect(doc.info['x-generated']).toBeUndefined()
  })

  const base: ApiSpec = { ...apiSpec, operations: [] }

  test('missing, duplicate and unresolved ids throw', () => {
    expect(() => buildOpenApiDocument({ ...base, components: [Type.String()] })).toThrow(/\$id/)
    const A = Type.String({ $id: 'A' })
    expect(() => buildOpenApiDocument({ ...base, components: [A, A] })).toThrow(/duplicate/)
    const B = Type.Object({ a: Type.Ref('Missing') }, { $id: 'B' })
    expect(() => buildOpenApiDocument({ ...base, components: [B] })).toThrow(/Missing/)
  })

  test('two operations on one path and method throw', () => {
    const [first] = apiSpec.operations
    if (first === undefined) {
      throw new Error('fixture has operations')
    }
    const twice = [first, { ...first, operationId: 'other' }]
    expect(() => buildOpenApiDocument({ ...apiSpec, operations: twice })).toThrow(/two operations/)
  })
})
