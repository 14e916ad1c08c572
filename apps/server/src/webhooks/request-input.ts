import type { Context } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { ApiError } from '../http/api-error.ts'

/** Registering, deleting and replaying change what the service sends out: admins only. */
export function requireAdmin(c: Context<AppEnv>, action: string) {
  if (!c.get('caller').isAdmin) {
    throw new ApiError('FORBIDDEN', `Only associates with full rights may ${action}.`)
  }
}
