import { digestOf, matchesDigest } from './secret.ts'

/**
 * The accepted `SO-AppToken` values from `TICKET_APP_TOKENS` (comma-separated), as digests;
 * undefined when the deployment does not require one.
 */
export function acceptedAppTokens(setting: string | undefined): string[] | undefined {
  const tokens = (setting ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '')
  return tokens.length === 0 ? undefined : tokens.map(digestOf)
}

/** Whether a request's `SO-AppToken` satisfies the deployment (constant time per candidate). */
export function appTokenAccepted(accepted: string[] | undefined, presented: string | undefined) {
  if (accepted === undefined) {
    return true
  }
  return presented !== undefined && accepted.some((digest) => matchesDigest(presented, digest))
}
