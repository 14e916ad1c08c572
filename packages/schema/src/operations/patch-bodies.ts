import { Type } from '@sinclair/typebox'

/** One RFC 6902 operation; `move` and `copy` are not supported, as in SuperOffice. */
export const JsonPatchOperation = Type.Object(
  {
    op: Type.Union(
      [Type.Literal('add'), Type.Literal('replace'), Type.Literal('remove'), Type.Literal('test')],
      { description: 'The operation.' }
    ),
    path: Type.String({
      description: 'JSON pointer; case-insensitive, the leading `/` is optional.',
    }),
    value: Type.Optional(Type.Unknown({ description: 'The value for add, replace and test.' })),
  },
  { $id: 'JsonPatchOperation', description: 'One JSON Patch (RFC 6902) operation.' }
)

export const JsonPatch = Type.Array(JsonPatchOperation, {
  $id: 'JsonPatch',
  description: 'A JSON Patch document (RFC 6902).',
})
