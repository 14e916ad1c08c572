import { ops } from '@ticket/schema'
import type { Hono } from 'hono'
import type { AppDeps } from '../app-deps.ts'
import type { AppEnv } from '../app-env.ts'
import { issueApiToken, listApiTokens, revokeApiToken } from '../auth/api-tokens.ts'
import { tokenExpiry } from '../auth/token-expiry.ts'
import { ApiError } from '../http/api-error.ts'
import { route } from '../http/route.ts'

/** API tokens for `Authorization: Bearer`: `POST|GET /api/v1/Token`, `DELETE /api/v1/Token/{id}`. */
export function registerTokenRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  route(app, ops.IssueApiToken, async (c, { body, send }) => {
    const request = body ?? {}
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
    return send(issued, { headers: { 'Cache-Control': 'no-store' } })
  })

  route(app, ops.ListApiTokens, async (c, { send }) =>
    send(await listApiTokens(deps.store, c.get('caller').associateId))
  )

  route(app, ops.RevokeApiToken, async (c, { params: { id } }) => {
    if (!(await revokeApiToken(deps.store, c.get('caller'), id, deps.now()))) {
      throw new ApiError('NOT_FOUND', `Token ${id} does not exist for this caller.`)
    }
    return c.body(null, 204)
  })
}
