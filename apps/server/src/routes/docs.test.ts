import { readFileSync } from 'node:fs'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
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

  it('answers the renderer and the document in the accepted coding, the same bytes each time', async () => {
    const { app } = await createTestApp()
    const plain = await (await app.request('/docs/renderer.js')).text()
    for (const [coding, decode] of [
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ] as const) {
      const first = await app.request('/docs/renderer.js', {
        headers: { 'accept-encoding': coding },
      })
      const second = await app.request('/docs/renderer.js', {
        headers: { 'accept-encoding': coding },
      })
      expect(first.headers.get('content-encoding')).toBe(coding)
      expect(first.headers.get('vary')).toContain('Accept-Encoding')
      const firstBytes = Buffer.from(await first.arrayBuffer())
      expect(Buffer.from(await second.arrayBuffer()).equals(firstBytes)).toBe(true)
      expect(decode(firstBytes).toString('utf8')).toBe(plain)
      expect(firstBytes.byteLength).toBeLessThan(plain.length / 3)
    }
    const document = await app.request('/openapi.json', { headers: { 'accept-encoding': 'br' } })
    expect(document.headers.get('content-encoding')).toBe('br')
    expect(
      JSON.parse(brotliDecompressSync(Buffer.from(await document.arrayBuffer())).toString())
    ).toEqual(committed)
  })
})
