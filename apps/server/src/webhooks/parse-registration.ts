import type { Static } from '@sinclair/typebox'
import { WebhookRegistration } from '@ticket/schema'
import type { FieldError } from '../http/api-error.ts'
import { compileBodyChecker, invalidBody } from '../input/parse-entity.ts'

export type Registration = Required<Static<typeof WebhookRegistration>>

// Compiled once: every request reuses the same checker.
const check = compileBodyChecker<Partial<Registration>>(WebhookRegistration, { complete: true })

/**
 * Validates a registration body (property names case-insensitive) and throws one 400 listing
 * every invalid field. Events are de-duplicated; State defaults to Active, Type to webhook.
 * @example parseRegistration({ name: 'crm', events: ['ticket.created'], targetUrl: 'https://x.example/h', secret: 's' })
 */
export function parseRegistration(body: unknown): Registration {
  const { value, errors } = check(body)
  const known = new Set(errors.map((e) => e.path))
  const all = [...errors, ...semanticErrors(value).filter((e) => !known.has(e.path))]
  if (all.length > 0) {
    throw invalidBody(all, 'webhook')
  }
  const valid = value as Static<typeof WebhookRegistration>
  return {
    ...valid,
    Events: [...new Set(valid.Events)],
    State: valid.State ?? 'Active',
    Type: valid.Type ?? 'webhook',
  }
}

function semanticErrors(value: Partial<Registration>): FieldError[] {
  const errors: FieldError[] = []
  if (typeof value.Name === 'string' && value.Name.trim() === '') {
    errors.push({ path: '/Name', message: 'must not be blank', code: 'blank' })
  }
  if (typeof value.Secret === 'string' && value.Secret.length === 0) {
    errors.push({ path: '/Secret', message: 'must not be empty', code: 'blank' })
  }
  if (typeof value.TargetUrl === 'string' && !isHttpUrl(value.TargetUrl)) {
    errors.push({
      path: '/TargetUrl',
      message: 'must be an absolute http or https URL',
      code: 'url',
    })
  }
  if (value.State === 'TooManyErrors') {
    errors.push({ path: '/State', message: 'must be Active or Stopped', code: 'enum' })
  }
  if (typeof value.Type === 'string' && value.Type !== 'webhook') {
    errors.push({ path: '/Type', message: 'must be "webhook"', code: 'enum' })
  }
  return errors
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
  } catch {
    return false
  }
}
