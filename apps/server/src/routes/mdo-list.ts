import { mdoListNames, ops } from '@ticket/schema'
import type { Hono } from 'hono'
import type { AppDeps } from '../app-deps.ts'
import type { AppEnv } from '../app-env.ts'
import { ApiError } from '../http/api-error.ts'
import { route } from '../http/route.ts'
import { mdoList, mdoListNamed } from '../reference/mdo/mdo-list.ts'

/** `GET /api/v1/MDOList/{listname}`: the reference lists SuperOffice clients pick values from. */
export function registerMdoListRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  route(app, ops.MDOList_GetList, async (_c, { params: { listname }, query, send }) => {
    const list = mdoListNamed(listname)
    if (!list) {
      throw new ApiError(
        'NOT_FOUND',
        `There is no MDO list named "${listname}"; known lists: ${mdoListNames.join(', ')}.`
      )
    }
    return send(await mdoList(deps.store.reader, list, query))
  })
}
