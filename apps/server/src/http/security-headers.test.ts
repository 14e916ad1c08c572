import { describe, expect, it } from 'vitest'
import { createTestApp } from '../test/harness.ts'
import { call } from '../test/requests.ts'

describe('security defaults', () => {
  it('sets security headers on API answers and a CSP on /docs that allows only its own scripts', async () => {
    const { app } = await createTestApp()
    const api = await call(app, 'GET', '/api/v1/Ticket/default')
    expect(api.headers.get('x-content-type-options')).toBe('nosniff')
    expect(api.headers.get('x-frame-options')).toBe('DENY')
    expect(api.headers.get('content-security-policy')).toContain("default-src 'none'")
    const docs = await app.request('/docs')
    const csp = docs.headers.get('content-security-policy') ?? ''
    expect(csp).toMatch(/script-src 'self'(;|$)/)
    expect(csp).toContain("frame-ancestors 'none'")
    const html = await docs.text()
    // Every script is a file from this origin: an inline one would be blocked by the CSP.
    expect(html.match(/<script[^>]*>/g)).toEqual([
      '<script src="/docs/renderer.js">',
      '<script src="/docs/init.js">',
    ])
    expect((await app.request('/docs/init.js')).status).toBe(200)
  })

  it('sends no CORS headers by default, to simple requests or preflights', async () => {
    const { app } = await createTestApp()
    const simple = await app.request('/api/v1/Ticket/default', {
      headers: { origin: 'https://elsewhere.example' },
    })
    expect(simple.headers.get('access-control-allow-origin')).toBeNull()
    // A CORS preflight is no operation of the document.
    const preflight = await app.request('/api/v1/Ticket', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://elsewhere.example',
        'access-control-request-method': 'POST',
      },
    })
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('allows exactly the configured origins', async () => {
    const { app } = await createTestApp({
      env: { TICKET_CORS_ORIGINS: 'https://app.example, https://admin.example' },
    })
    // A CORS preflight is no operation of the document.
    const preflight = await app.request('/api/v1/Ticket', {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example')
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Idempotency-Key')
    const other = await app.request('/api/v1/Ticket/default', {
      headers: { origin: 'https://elsewhere.example' },
    })
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
  })
})
