import { readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { encodedOnce } from '../http/encoded-once.ts'

const require = createRequire(import.meta.url)

// Read once at start: the reference renderer is served from the installed package, so the
// page works on a machine without internet access.
const rendererPath = join(
  dirname(require.resolve('@scalar/api-reference')),
  'browser/standalone.js'
)
let renderer: string | undefined

// The OpenAPI document is read from the schema package's generated file rather than imported:
// under `pnpm dev` a regenerated document then needs no restart of its own (the schema edit
// that caused it already restarted the server), and it is re-read when its file changes.
const documentPath = require.resolve('@ticket/schema/openapi.json')
let document: { text: string; mtimeMs: number } | undefined
function openapiText(): string {
  const { mtimeMs } = statSync(documentPath)
  if (document?.mtimeMs !== mtimeMs) {
    document = { text: JSON.stringify(JSON.parse(readFileSync(documentPath, 'utf8'))), mtimeMs }
  }
  return document.text
}

// The start script is a file of its own, not inline, so the page's CSP allows only this origin's
// scripts.
const init = `Scalar.createApiReference('#app', {
  url: '/openapi.json',
  // Examples and "try it" go to the server that serves this page.
  servers: [{ url: location.origin, description: 'This server' }],
  withDefaultFonts: false,
  telemetry: false,
  hideClientButton: true,
  showDeveloperTools: 'never',
  // Off: these send the API description or requests to the renderer vendor's servers.
  agent: { disabled: true },
  mcp: { disabled: true },
  documentDownloadType: 'json',
})
`

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
<script src="/docs/init.js"></script>
</body>
</html>
`

/**
 * The API reference: the OpenAPI document and a page that renders it. Not operations (see
 * docs/decisions.md): they are the API's description, not part of it.
 */
export function registerDocsRoutes(app: Hono<AppEnv>) {
  app.get(
    '/openapi.json',
    encodedOnce(openapiText, { 'content-type': 'application/json; charset=utf-8' })
  )
  app.get('/docs', (c) => c.html(page))
  app.get('/docs/init.js', (c) =>
    c.body(init, 200, { 'content-type': 'text/javascript; charset=utf-8' })
  )
  app.get(
    '/docs/renderer.js',
    encodedOnce(
      () => {
        renderer ??= readFileSync(rendererPath, 'utf8')
        return renderer
      },
      { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600' }
    )
  )
}
