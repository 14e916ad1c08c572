import type { OperationSpec } from '@ticket/codegen'

/** An operation as written in the table: its operationId is the key it is listed under. */
export type OperationFields = Omit<OperationSpec, 'operationId'>

/** The operations keyed by id, each keeping its own schema types (the server types handlers by them). */
export type OperationsById<T extends Record<string, OperationFields>> = {
  [K in keyof T & string]: T[K] & { operationId: K }
}

/**
 * Names each operation after its key, so an operationId is written once.
 * @example const ops = defineOperations({ Healthz: { method: 'get', path: '/healthz', … } })
 */
export function defineOperations<T extends Record<string, OperationFields>>(
  fields: T
): OperationsById<T> {
  const byId: Record<string, OperationSpec> = {}
  for (const [operationId, spec] of Object.entries(fields)) {
    byId[operationId] = { operationId, ...spec }
  }
  return byId as OperationsById<T>
}
