import { ops } from '@ticket/schema'
import type { Hono } from 'hono'
import type { AppDeps } from '../app-deps.ts'
import type { AppEnv } from '../app-env.ts'
import { tablesOf } from '../db/tables-of.ts'
import { ApiError } from '../http/api-error.ts'
import { route } from '../http/route.ts'
import { customFieldInfos } from './custom-field-rows.ts'

/** `GET /api/v1/Ticket/CustomField[/{fieldName}]`: custom-field metadata from the tenant file. */
export function registerCustomFieldRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  const infos = () => customFieldInfos(deps.store.reader, tablesOf(deps.store.db))

  route(app, ops.GetCustomFieldInfoList, async (_c, { send }) => send(await infos()))

  route(app, ops.GetCustomFieldInfo, async (_c, { params: { fieldName }, send }) => {
    const wanted = fieldName.toLowerCase()
    const field = (await infos()).find((f) => f.FieldName.toLowerCase() === wanted)
    if (!field) {
      throw new ApiError('NOT_FOUND', `There is no ticket custom field named "${fieldName}".`)
    }
    return send(field)
  })
}
