import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createTestApp } from '../test/harness.ts'

const committed = JSON.parse(
  readFileSync(
    new URL('../../../../packages/schema/generated/openapi.json', import.meta.url),
    'utf8'
  )
)

describe('documentation routes', () => {
  it('serves the generated OpenAPI document unchanged and without credentials', async () => {
    const { app } = await createTestApp()
    const res = await app.request('/openapi.json')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual(committed)
  })

  it('serves the reference page and its renderer from installed packages', async () => {
    const { app } = await createTestApp()
    const page = await app.request('/docs')
    expect(page.headers.get('content-type')).toContain('text/html')
    const html = await page.text()
    expect(html).toContain('/docs/renderer.js')
    expect(html).not.toMatch(/https?:\/\/(?!127)/)
    const renderer = await app.request('/docs/renderer.js')
    expect(renderer.status).toBe(200)
    expect((await renderer.text()).length).toBeGreaterThan(100_000)
  })
})
