import type { Static } from '@sinclair/typebox'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import { WebhookRegistration } from '@ticket/schema'
import { ApiError, type FieldError } from '../http/api-error.ts'
import { canonicalize } from '../input/canonicalize.ts'

export type Registration = Required<Static<typeof WebhookRegistration>>

// Compiled once: every request reuses the same checker.
const check = TypeCompiler.Compile(WebhookRegistration)

/**
 * Validates a registration body (property names case-insensitive) and throws one 400 listing
 * every invalid field. Events are de-duplicated; State defaults to Active, Type to webhook.
 * @example parseRegistration({ name: 'crm', events: ['ticket.created'], targetUrl: 'https://x.example/h', secret: 's' })
 */
export function parseRegistration(body: unknown): Registration {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ApiError('VALIDATION', 'The body must be a JSON object.', {
      errors: [{ path: '', message: 'expected an object', code: 'type' }],
    })
  }
  const errors: FieldError[] = []
  const value = canonicalize(WebhookRegistration, body, errors) as Partial<Registration>
  for (const error of check.Errors(value)) {
    errors.push({ path: error.path, message: error.message, code: `type_${error.type}` })
  }
  errors.push(...semanticErrors(value))
  if (errors.length > 0) {
    const unique = firstPerPath(errors)
    throw new ApiError('VALIDATION', `${unique.length} invalid field(s) in the webhook.`, {
      errors: unique,
    })
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

// A union failure reports once for the union and once per member; keep the first per path.
function firstPerPath(errors: FieldError[]): FieldError[] {
  const byPath = new Map<string, FieldError>()
  for (const error of errors) {
    if (!byPath.has(error.path)) {
      byPath.set(error.path, error)
    }
  }
  return [...byPath.values()]
}
