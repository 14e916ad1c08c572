import { Type } from '@sinclair/typebox'
import type { OperationSpec } from '@ticket/codegen'
import { ProblemDetails } from '../model.ts'
import { problemTypes } from './media-types.ts'

const Status = Type.Object({ status: Type.String() }, { $id: 'ServiceStatus' })

/** Public operations: no credentials needed. */
export const serviceOperations: OperationSpec[] = [
  {
    operationId: 'Healthz',
    method: 'get',
    path: '/healthz',
    summary: 'Liveness',
    tags: ['Service'],
    security: [],
    responses: {
      200: { description: 'The process is up.', schema: Status, mediaTypes: ['application/json'] },
    },
  },
  {
    operationId: 'Readyz',
    method: 'get',
    path: '/readyz',
    summary: 'Readiness: database reachable, migrations applied',
    tags: ['Service'],
    security: [],
    responses: {
      200: { description: 'Ready.', schema: Status, mediaTypes: ['application/json'] },
      500: { description: 'Not ready.', schema: ProblemDetails, mediaTypes: problemTypes },
    },
  },
]
