import { describe, expect, test } from 'vitest'
import { notificationsApp } from '../test/notifications/app.ts'
import { call } from '../test/requests.ts'

describe('notification routes refuse bad input with problem details', { timeout: 30_000 }, () => {
  test.each([
    ['/api/v1/Notification?unread=maybe', ['/query/unread']],
    ['/api/v1/Notification?associateId=abc&$top=0', ['/query/associateId', '/query/$top']],
    ['/api/v1/Notification?$skip=-1', ['/query/$skip']],
  ])('GET %s → 400 naming %j', async (path, paths) => {
    const { app } = await notificationsApp()
    const res = await call(app, 'GET', path, undefined, { breaksDocument: 'rejected' })
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/)
    expect(res.body.code).toBe('VALIDATION')
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([...paths].sort())
  })

  test.each([
    ['POST', '/api/v1/Notification/abc/Read', 400],
    ['POST', '/api/v1/Notification/0/Read', 400],
    ['POST', '/api/v1/Notification/12345/Read', 404],
    ['GET', '/api/v1/Ticket/abc/Notifications', 400],
    ['GET', '/api/v1/Ticket/12345/Notifications', 404],
  ])('%s %s → %i', async (method, path, status) => {
    const { app } = await notificationsApp()
    const res = await call(app, method, path, undefined, { breaksDocument: 'rejected' })
    expect(res.status).toBe(status)
    expect(res.body.status).toBe(status)
  })

  test.each([
    '/api/v1/Notification',
    '/api/v1/Notification/Stream',
    '/api/v1/Notification/Preferences',
  ])('GET %s without credentials → 401', async (path) => {
    const { app } = await notificationsApp()
    const res = await call(app, 'GET', path, undefined, { auth: null })
    expect(res.status).toBe(401)
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic/)
  })
})
