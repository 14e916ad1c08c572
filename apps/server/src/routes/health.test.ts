import { describe, expect, it } from 'vitest'
import { breaksDocument } from '../test/contract/validated-app.ts'
import { createTestApp } from '../test/harness.ts'

describe('health', () => {
  it('answers liveness and readiness on SQLite', async () => {
    const { app } = await createTestApp({ database: 'file' })
    const live = await app.request('/healthz')
    expect(live.status).toBe(200)
    expect(await live.json()).toEqual({ status: 'ok' })
    const ready = await app.request('/readyz')
    expect(await ready.json()).toEqual({ status: 'ready', database: 'sqlite' })
  })

  it('reports not ready once the database is gone', async () => {
    const { app, deps } = await createTestApp()
    await deps.store.close()
    const res = await app.request('/readyz')
    expect(res.status).toBe(503)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
  })

  it('answers an unknown route with a problem-details 404', async () => {
    const { app } = await createTestApp()
    const res = await app.request('/nowhere', breaksDocument({}))
    expect(res.status).toBe(404)
    const body = await res.json()
    expect(body).toMatchObject({ status: 404, code: 'NOT_FOUND', instance: '/nowhere' })
    expect(body.requestId).toMatch(/.+/)
  })
})
