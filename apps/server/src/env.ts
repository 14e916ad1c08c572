import { type Static, type TSchema, Type } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'

/** Every setting the service reads from its environment (see docs/decisions.md). */
export const EnvSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8787 }),
  HOST: Type.String({ default: '127.0.0.1' }),
  DATABASE_URL: Type.String({ default: 'data/ticket.db' }),
  TICKET_ADMIN_USER: Type.String({ default: 'admin', minLength: 1 }),
  TICKET_ADMIN_PASSWORD: Type.Optional(Type.String({ minLength: 1 })),
  /** Where the generated first-start admin password goes when stderr is not a terminal. */
  TICKET_ADMIN_PASSWORD_FILE: Type.String({ default: 'data/admin-password.txt', minLength: 1 }),
  TICKET_DEMO_DATA: Type.Boolean({ default: false }),
  TICKET_TENANT_FILE: Type.Optional(Type.String({ minLength: 1 })),
  TICKET_PASSWORD_COST: Type.Integer({ minimum: 10, maximum: 20, default: 15 }),
  TICKET_MAX_BODY: Type.Integer({ minimum: 1, default: 1024 * 1024 }),
  /** Limit of a multipart/form-data request (a message with its attachments), in bytes. */
  TICKET_MAX_UPLOAD: Type.Integer({ minimum: 1, default: 25 * 1024 * 1024 }),
  /**
   * Bytes of serialised ticket answers kept for repeated reads (least recently used dropped
   * first); 0 keeps none.
   */
  TICKET_ANSWER_CACHE_BYTES: Type.Integer({ minimum: 0, default: 8 * 1024 * 1024 }),
  TICKET_PUBLIC_URL: Type.Optional(Type.String()),
  /** Comma-separated `SO-AppToken` values; when set, SOTicket requests need one of them. */
  TICKET_APP_TOKENS: Type.Optional(
    Type.String({ pattern: '^\\s*[^,\\s]+(\\s*,\\s*[^,\\s]+)*\\s*$' })
  ),
  /** Reverse proxies trusted to report the client address: a hop count or addresses/CIDRs. */
  TICKET_TRUST_PROXY: Type.Optional(Type.String()),
  /** Origins whose browser pages may call the API (comma-separated, `*` for any); none by default. */
  TICKET_CORS_ORIGINS: Type.Optional(Type.String()),
  /** Key that encrypts webhook secrets at rest: 32 bytes, base64 or 64 hex digits. */
  TICKET_SECRET_KEY: Type.Optional(
    Type.String({ pattern: '^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$' })
  ),
  /** Lets webhooks target loopback and private addresses (a receiver on this machine). */
  TICKET_WEBHOOK_ALLOW_PRIVATE: Type.Boolean({ default: false }),
  SMTP_URL: Type.Optional(Type.String()),
  SMTP_FROM: Type.String({ default: 'Ticket <ticket@localhost>' }),
  /** PostgreSQL connections per server process (its pool; one more listens for changes). */
  TICKET_PG_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 1000, default: 10 }),
  /** Server processes behind the one port: a number, or `auto` for one per core (PostgreSQL). */
  TICKET_WORKERS: Type.String({ pattern: '^(auto|[1-9][0-9]{0,2})$', default: '1' }),
  LOG_LEVEL: Type.Union([Type.Literal('silent'), Type.Literal('info'), Type.Literal('debug')], {
    default: 'info',
  }),
})
export type Env = Static<typeof EnvSchema>

export class EnvError extends Error {}

/**
 * The one place that reads `process.env`. Unknown variables are ignored; a malformed known
 * variable stops the start with a message naming it.
 * @example loadEnv({ PORT: '9000' }).PORT // 9000
 */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const picked: Record<string, unknown> = {}
  for (const key of Object.keys(EnvSchema.properties)) {
    const value = source[key]
    if (value !== undefined && value !== '') {
      const isFlag = EnvSchema.properties[key as keyof Env]?.type === 'boolean'
      picked[key] = isFlag ? value === '1' || value === 'true' : value
    }
  }
  const converted = Value.Convert(EnvSchema, Value.Default(EnvSchema, picked))
  const errors = [...Value.Errors(EnvSchema, converted)]
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.path.slice(1)}: ${explain(e.schema, e.value, e.message)}`)
    throw new EnvError(`invalid environment:\n  ${lines.join('\n  ')}`)
  }
  return converted as Env
}

/** A union of literals (LOG_LEVEL) names its choices instead of TypeBox's "Expected union value". */
function explain(schema: TSchema, value: unknown, message: string): string {
  const choices = (schema.anyOf as TSchema[] | undefined)?.map((member) => member.const)
  if (choices?.length && choices.every((choice) => typeof choice === 'string')) {
    return `${JSON.stringify(value)} is not one of ${choices.join(', ')}`
  }
  return message
}
