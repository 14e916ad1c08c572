import { ApiTokenRequest } from '@ticket/schema'
import type { Hono } from 'hono'
import type { AppDeps } from '../app.ts'
import type { AppEnv } from '../app-env.ts'
import { issueApiToken, listApiTokens, revokeApiToken } from '../auth/api-tokens.ts'
import { tokenExpiry } from '../auth/token-expiry.ts'
import { ApiError } from '../http/api-error.ts'
import { compileBodyParser } from '../http/parse-input.ts'
import { idParam } from '../http/query.ts'
import { readRequestBody } from '../http/read-body.ts'
import { sendEntity } from '../http/send-entity.ts'

const parseRequest = compileBodyParser(ApiTokenRequest)

/** API tokens for `Authorization: Bearer`: `POST|GET /api/v1/Token`, `DELETE /api/v1/Token/{id}`. */
export function registerTokenRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  app.post('/api/v1/Token', async (c) => {
    const body = await readRequestBody(c)
    const request = body.value === null ? {} : parseRequest(body.value)
    const now = deps.now()
    const issued = await issueApiToken(
      deps.store,
      {
        associateId: c.get('caller').associateId,
        name: request.Name ?? '',
        expiresAt: tokenExpiry(request.ExpiresAt, now),
      },
      now
    )
    return sendEntity(c, issued, 'IssuedApiToken', 201, { 'Cache-Control': 'no-store' })
  })

  app.get('/api/v1/Token', async (c) =>
    sendEntity(c, await listApiTokens(deps.store, c.get('caller').associateId), 'ApiToken')
  )

  app.delete('/api/v1/Token/:id', async (c) => {
    const id = idParam(c.req.param('id'), 'id')
    if (!(await revokeApiToken(deps.store, c.get('caller'), id, deps.now()))) {
      throw new ApiError('NOT_FOUND', `Token ${id} does not exist for this caller.`)
    }
    return c.body(null, 204)
  })
}
