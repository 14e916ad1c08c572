import { describe, expect, test } from 'vitest'
import { EnvError, loadEnv } from './env.ts'

describe('the environment', () => {
  test('a setting with a few allowed words names them and the value given', () => {
    expect(() => loadEnv({ LOG_LEVEL: 'warn' })).toThrow(EnvError)
    expect(() => loadEnv({ LOG_LEVEL: 'warn' })).toThrow(
      'LOG_LEVEL: "warn" is not one of silent, info, debug'
    )
  })

  test('other malformed settings keep their own message', () => {
    expect(() => loadEnv({ PORT: 'eighty' })).toThrow(/PORT: Expected integer/)
  })

  test('valid settings are converted', () => {
    const env = loadEnv({ PORT: '9000', LOG_LEVEL: 'debug', TICKET_DEMO_DATA: 'true' })
    expect([env.PORT, env.LOG_LEVEL, env.TICKET_DEMO_DATA]).toEqual([9000, 'debug', true])
  })
})
