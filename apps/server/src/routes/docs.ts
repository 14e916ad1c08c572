import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import openapi from '@ticket/schema/openapi.json' with { type: 'json' }
import type { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'

const require = createRequire(import.meta.url)

// Read once at start: the reference renderer is served from the installed package, so the
// page works on a machine without internet access.
const rendererPath = join(
  dirname(require.resolve('@scalar/api-reference')),
  'browser/standalone.js'
)
let renderer: string | undefined
const openapiText = JSON.stringify(openapi)

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ticket API reference</title>
</head>
<body>
<div id="app"></div>
<script src="/docs/renderer.js"></script>
<script>
Scalar.createApiReference('#app', {
  url: '/openapi.json',
  withDefaultFonts: false,
  telemetry: false,
  hideClientButton: true,
  documentDownloadType: 'json',
})
</script>
</body>
</html>
`

export function registerDocsRoutes(app: Hono<AppEnv>) {
  app.get('/openapi.json', (c) =>
    c.body(openapiText, 200, { 'content-type': 'application/json; charset=utf-8' })
  )
  app.get('/docs', (c) => c.html(page))
  app.get('/docs/renderer.js', (c) => {
    renderer ??= readFileSync(rendererPath, 'utf8')
    return c.body(renderer, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=3600',
    })
  })
}
