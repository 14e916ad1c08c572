import type { Static } from '@sinclair/typebox'
import type { WebhookRegistration } from '@ticket/schema'
import type { FieldError } from '../http/api-error.ts'
import type { BodyParserOptions } from '../input/parse-body.ts'

export type Registration = Required<Static<typeof WebhookRegistration>>

/**
 * How a registration body is parsed beyond its schema: every required field present, and the
 * rules a schema cannot say (a blank name, an empty secret, a URL that is not http(s)).
 */
export const registrationRules: BodyParserOptions<Static<typeof WebhookRegistration>> = {
  complete: true,
  refine: semanticErrors,
}

/**
 * A parsed registration with its defaults: events de-duplicated; State Active, Type webhook.
 * @example completeRegistration({ Name: 'crm', Events: ['ticket.created'], TargetUrl: 'https://x.example/h', Secret: 's' })
 */
export function completeRegistration(
  valid: Partial<Static<typeof WebhookRegistration>>
): Registration {
  const parsed = valid as Static<typeof WebhookRegistration>
  return {
    ...parsed,
    Events: [...new Set(parsed.Events)],
    State: parsed.State ?? 'Active',
    Type: parsed.Type ?? 'webhook',
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
