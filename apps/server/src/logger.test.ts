import { describe, expect, it } from 'vitest'
import { capturedLogger } from './test/captured-logger.ts'

describe('createLogger', () => {
  it('redacts secrets whether the line has nested fields or only plain ones', async () => {
    const { logger, lines } = capturedLogger('debug')
    logger.info('flat', { userName: 'ann', password: 'hunter2', status: 200 })
    logger.info('flat token', { Token: 'abc' })
    logger.warn('nested', { user: { password: 'hunter2', name: 'ann' } })
    logger.info('headers', { headers: { authorization: 'Basic eA==', accept: '*/*' } })
    logger.info('plain', { requestId: 'r1', status: 200, route: undefined, ok: true })
    logger.info('no fields')
    await new Promise((resolve) => setImmediate(resolve))
    const [flat, flatToken, nested, headers, plain, none] = lines
    expect(flat).toMatchObject({ message: 'flat', userName: 'ann', password: '[redacted]' })
    expect(flatToken).toMatchObject({ Token: '[redacted]' })
    expect(nested).toMatchObject({ level: 'warn', user: { password: '[redacted]', name: 'ann' } })
    expect(headers).toMatchObject({ headers: { authorization: '[redacted]', accept: '*/*' } })
    expect(Object.keys(plain ?? {})).toEqual([
      'level',
      'time',
      'requestId',
      'status',
      'ok',
      'message',
    ])
    expect(plain).toMatchObject({ level: 'info', requestId: 'r1', status: 200, ok: true })
    expect(none).toMatchObject({ level: 'info', message: 'no fields' })
    expect(Object.keys(none ?? {})).toEqual(['level', 'time', 'message'])
  })
})
