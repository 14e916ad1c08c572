import { type TSchema, Type } from '@sinclair/typebox'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import jsonPatch, { type Operation } from 'fast-json-patch'
import { copyJson } from '../../input/copy-json.ts'
import { ApiError } from '../api-error.ts'
import type { RequestBody } from '../read-body.ts'
import { canonicalPointer } from './canonical-pointer.ts'
import { mergePatchToOperations } from './merge-to-ops.ts'

// RFC 6902 as SuperOffice supports it: no move, no copy.
const PatchDocument = Type.Array(
  Type.Object({
    op: Type.Union([
      Type.Literal('add'),
      Type.Literal('replace'),
      Type.Literal('remove'),
      Type.Literal('test'),
    ]),
    path: Type.String(),
    value: Type.Optional(Type.Unknown()),
  }),
  { maxItems: 1000 }
)
const checkPatch = TypeCompiler.Compile(PatchDocument as TSchema)

/**
 * Applies a JSON Patch or Merge Patch body to a copy of `document`. A failed `test` is a 409;
 * a malformed patch or a path that does not exist is a 400.
 */
export function applyPatchBody<T>(document: T, body: RequestBody): T {
  const operations = patchOperations(document, body)
  const copy = copyJson(document)
  for (const [index, operation] of operations.entries()) {
    const canonical = { ...operation, path: canonicalPointer(copy, operation.path) } as Operation
    try {
      jsonPatch.applyOperation(copy, canonical, true, true, true, index)
    } catch (error) {
      const name = (error as { name?: string }).name
      if (name === 'TEST_OPERATION_FAILED') {
        throw new ApiError('CONFLICT', `Patch test failed at ${canonical.path}.`)
      }
      throw new ApiError('VALIDATION', `Patch operation ${index} cannot be applied.`, {
        errors: [
          {
            path: `/${index}`,
            message: (error as Error).message.split('\n')[0] ?? '',
            code: 'patch',
          },
        ],
      })
    }
  }
  nullRemoved(document, copy)
  return copy
}

/**
 * A top-level property the patch removed is cleared, not left out: an entity save leaves unsent
 * properties as they are, so `remove /Deadline` would otherwise keep the deadline.
 */
function nullRemoved(before: unknown, after: unknown) {
  if (!isPlainObject(before) || !isPlainObject(after)) {
    return
  }
  for (const key of Object.keys(before)) {
    if (!Object.hasOwn(after, key)) {
      after[key] = null
    }
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function patchOperations(document: unknown, body: RequestBody): Operation[] {
  if (body.kind === 'merge-patch') {
    if (body.value === null || typeof body.value !== 'object' || Array.isArray(body.value)) {
      throw new ApiError('BAD_REQUEST', 'A merge patch must be a JSON object.')
    }
    return mergePatchToOperations(document, body.value as Record<string, unknown>)
  }
  if (!checkPatch.Check(body.value)) {
    const errors = [...checkPatch.Errors(body.value)].map((e) => ({
      path: e.path,
      message: e.message,
      code: 'patch',
    }))
    throw new ApiError('VALIDATION', 'The body is not a supported JSON Patch document.', { errors })
  }
  return body.value as Operation[]
}
