import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import proxyAddr from 'proxy-addr'
import { requestHeader } from '../http/request-header.ts'

/** What in-process requests (`app.request` without a socket) are counted under. */
export const IN_PROCESS = 'in-process'

/**
 * How the client address of a request is found, from `TICKET_TRUST_PROXY`:
 * - unset, `false` or `0`: the peer address of the TCP connection; forwarding headers are
 *   ignored, since any client could set them to dodge the per-address throttle;
 * - a number N: N reverse proxies stand in front; the address is taken from `X-Forwarded-For`
 *   that many hops back;
 * - a list of addresses, CIDR ranges or `loopback`/`linklocal`/`uniquelocal`: the proxies
 *   trusted to set `X-Forwarded-For`.
 * A malformed setting throws at start.
 */
export function clientAddressResolver(trustProxy: string | undefined): (c: Context) => string {
  const setting = trustProxy?.trim() ?? ''
  if (setting === '' || setting === 'false' || setting === '0') {
    return peerAddress
  }
  const trust = /^\d+$/.test(setting)
    ? (_address: string, hop: number) => hop < Number(setting)
    : proxyAddr.compile(setting.split(',').map((part) => part.trim()))
  return (c) => {
    const peer = peerAddress(c)
    if (peer === IN_PROCESS) {
      return peer
    }
    const forwardedFor = requestHeader(c, 'x-forwarded-for')
    const request = {
      headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
      connection: { remoteAddress: peer },
      socket: { remoteAddress: peer },
    }
    return proxyAddr(request as unknown as Parameters<typeof proxyAddr>[0], trust)
  }
}

function peerAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? IN_PROCESS
  } catch {
    return IN_PROCESS
  }
}
