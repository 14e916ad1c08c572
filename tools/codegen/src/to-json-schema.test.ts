import { Type } from '@sinclair/typebox'
import { describe, expect, test } from 'vitest'
import { toJsonSchema } from './to-json-schema'

const Owner = Type.Object({ Id: Type.Integer() }, { $id: 'Owner' })
const componentIds = new Set(['Owner'])

describe('toJsonSchema', () => {
  test('replaces components inside composites, intersections and tuples', () => {
    const schema = Type.Object({
      Both: Type.Intersect([Owner, Type.Object({ Extra: Type.String() })]),
      Pair: Type.Tuple([Owner, Type.String()]),
      Composite: Type.Composite([Type.Object({ Nested: Owner })]),
    })
    expect(toJsonSchema(schema, { componentIds }).properties).toEqual({
      Both: {
        type: 'object',
        allOf: [
          { $ref: '#/components/schemas/Owner' },
          { type: 'object', required: ['Extra'], properties: { Extra: { type: 'string' } } },
        ],
      },
      Pair: {
        type: 'array',
        items: [{ $ref: '#/components/schemas/Owner' }, { type: 'string' }],
        additionalItems: false,
        minItems: 2,
        maxItems: 2,
        xml: { wrapped: true },
      },
      Composite: {
        type: 'object',
        required: ['Nested'],
        properties: { Nested: { $ref: '#/components/schemas/Owner' } },
      },
    })
  })

  test('keeps data keywords as data and boolean sub-schemas as booleans', () => {
    const schema = Type.Object(
      { Kind: Type.String({ default: 'x', examples: [{ $id: 'Owner' }] }) },
      { additionalProperties: false }
    )
    expect(toJsonSchema(schema, { componentIds })).toEqual({
      additionalProperties: false,
      type: 'object',
      required: ['Kind'],
      properties: { Kind: { default: 'x', examples: [{ $id: 'Owner' }], type: 'string' } },
    })
  })

  test('a root component keeps its body and drops its own $id', () => {
    expect(toJsonSchema(Owner, { componentIds, root: true })).toEqual({
      type: 'object',
      required: ['Id'],
      properties: { Id: { type: 'integer' } },
    })
  })

  test('a $ref to an unknown schema throws', () => {
    expect(() => toJsonSchema(Type.Ref('Nope'), { componentIds })).toThrow(
      /unresolved \$ref 'Nope'/
    )
  })
})

describe('a $ref keeps what the property says about its use', () => {
  test('description and readOnly stay beside the $ref', () => {
    const Color = Type.String({ $id: 'Color', description: 'A color' })
    const Car = Type.Object({
      Paint: Type.Unsafe<string>({ ...Color, description: 'The paint', readOnly: true }),
    })
    const out = toJsonSchema(Car, { componentIds: new Set(['Color']) })
    expect((out.properties as Record<string, unknown>).Paint).toEqual({
      $ref: '#/components/schemas/Color',
      description: 'The paint',
      readOnly: true,
    })
  })
})
