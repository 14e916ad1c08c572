import type { TObject } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { mdoListNames, operations } from '@ticket/schema'
import type { Hono } from 'hono'
import type { AppDeps } from '../app.ts'
import type { AppEnv } from '../app-env.ts'
import { ApiError } from '../http/api-error.ts'
import { queryParam } from '../http/query.ts'
import { sendEntity } from '../http/send-entity.ts'
import { type MdoListOptions, mdoList, mdoListNamed } from '../reference/mdo/mdo-list.ts'

const operation = operations.find((op) => op.operationId === 'MDOList_GetList')
if (!operation?.query) {
  throw new Error('MDOList_GetList is missing from the operations table')
}
const querySchema = operation.query as TObject

/** The query options, matched case-insensitively and converted from strings, or a 400. */
function parseQuery(url: string): MdoListOptions {
  const raw: Record<string, string> = {}
  for (const name of Object.keys(querySchema.properties)) {
    const value = queryParam(url, name)
    if (value !== undefined && value !== '') {
      raw[name] = value
    }
  }
  const converted = Value.Convert(querySchema, raw)
  const errors = [...Value.Errors(querySchema, converted)]
  if (errors.length > 0) {
    throw new ApiError('VALIDATION', 'The query parameters are not valid.', {
      errors: errors.map((e) => ({ path: `/query${e.path}`, message: e.message, code: 'type' })),
    })
  }
  return converted as MdoListOptions
}

/** `GET /api/v1/MDOList/{listname}`: the reference lists SuperOffice clients pick values from. */
export function registerMdoListRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  app.get('/api/v1/MDOList/:listname', async (c) => {
    const name = c.req.param('listname')
    const list = mdoListNamed(name)
    if (!list) {
      throw new ApiError(
        'NOT_FOUND',
        `There is no MDO list named "${name}"; known lists: ${mdoListNames.join(', ')}.`
      )
    }
    const options = parseQuery(c.req.url)
    return sendEntity(c, await mdoList(deps.store.db, list, options), 'MDOListItem')
  })
}
