import { lookup } from 'node:dns/promises'
import { BlockList, isIP } from 'node:net'

// Loopback, private, link-local, shared and unspecified ranges: a webhook aimed there would let
// whoever registers it reach this machine's or this network's internal services.
const internal = new BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  internal.addSubnet(network, prefix, 'ipv4')
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const) {
  internal.addSubnet(network, prefix, 'ipv6')
}

function isInternal(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1]
  if (mapped) {
    return internal.check(mapped, 'ipv4')
  }
  return internal.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4')
}

/**
 * Why `targetUrl` may not receive webhooks, or undefined when it may: every address its host
 * resolves to must be public unless `allowInternal` (TICKET_WEBHOOK_ALLOW_PRIVATE) says
 * otherwise. Checked at registration and again before each delivery, as DNS may change.
 */
export async function refusedTarget(
  targetUrl: string,
  allowInternal: boolean
): Promise<string | undefined> {
  if (allowInternal) {
    return undefined
  }
  const host = new URL(targetUrl).hostname.replace(/^\[|\]$/g, '')
  let addresses: string[]
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address)
  } catch {
    return `the host ${host} does not resolve`
  }
  const bad = addresses.find(isInternal)
  return bad === undefined
    ? undefined
    : `${host} is a loopback or private address (${bad}); set TICKET_WEBHOOK_ALLOW_PRIVATE to allow it`
}
