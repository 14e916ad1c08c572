import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

/** What in-process requests (`app.request` without a socket) are counted under. */
export const IN_PROCESS = 'in-process'

/**
 * The peer address of the TCP connection. Forwarding headers are deliberately ignored: a client
 * could set them to dodge the per-address throttle. In-process requests have no socket.
 */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? IN_PROCESS
  } catch {
    return IN_PROCESS
  }
}
