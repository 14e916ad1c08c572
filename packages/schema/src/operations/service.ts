import { Type } from '@sinclair/typebox'
import { ProblemDetails } from '../model.ts'
import { defineOperations } from './define.ts'
import { problemTypes } from './media-types.ts'

const Status = Type.Object({ status: Type.String() }, { $id: 'ServiceStatus' })

/** Public operations: no credentials needed. */
export const serviceOps = defineOperations({
  Healthz: {
    method: 'get',
    path: '/healthz',
    summary: 'Liveness',
    tags: ['Service'],
    security: [],
    responses: {
      200: { description: 'The process is up.', schema: Status, mediaTypes: ['application/json'] },
    },
  },
  Readyz: {
    method: 'get',
    path: '/readyz',
    summary: 'Readiness: database reachable, migrations applied',
    tags: ['Service'],
    security: [],
    responses: {
      200: { description: 'Ready.', schema: Status, mediaTypes: ['application/json'] },
      503: {
        description: 'Not ready: starting, draining, or the database does not answer.',
        schema: ProblemDetails,
        mediaTypes: problemTypes,
      },
    },
  },
})
