import type { Context } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { ApiError } from '../http/api-error.ts'
import type { Caller } from './caller.ts'

/**
 * Whether the caller has full rights (IsAdmin): the one place that reads it. Rights masks and
 * "own or admin" rules ask here; routes that need full rights use the guards below.
 */
export const hasFullRights = (caller: Caller): boolean => caller.isAdmin

/**
 * The one admin check: what changes the service for everyone (webhooks) or reads another
 * associate's data needs full rights (IsAdmin); anyone else gets a 403 naming the action.
 * @example requireFullRights(c.get('caller'), "list another associate's notifications")
 */
export function requireFullRights(caller: Caller, action: string): void {
  if (!hasFullRights(caller)) {
    throw new ApiError('FORBIDDEN', `Only associates with full rights may ${action}.`)
  }
}

/**
 * The admin check as a route guard: it runs before the request's body is read.
 * @example route(app, ops.Webhook_Delete, handler, { guard: fullRights('delete webhooks') })
 */
export const fullRights = (action: string) => (c: Context<AppEnv>) =>
  requireFullRights(c.get('caller'), action)
