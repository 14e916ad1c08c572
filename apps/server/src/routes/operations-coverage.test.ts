import { operations } from '@ticket/schema'
import { describe, expect, it } from 'vitest'
import { createTestApp } from '../test/harness.ts'
import { agentMethodNames } from './ticket-agent.ts'

// Hono's `:name` segments as OpenAPI `{name}` templates; the agent route serves one operation per
// method name, so it stands for every `/api/v1/Agents/Ticket/<Method>` path.
const asTemplate = (path: string) => path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')
const documentedPath = (path: string) =>
  path.startsWith('/api/v1/Agents/Ticket/') ? '/api/v1/Agents/Ticket/{method}' : path

describe('the operations table and the app agree', () => {
  it('every route the app serves is documented, and every documented operation is served', async () => {
    const { app } = await createTestApp()
    const served = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL')
        .map((r) => `${r.method.toLowerCase()} ${asTemplate(r.path)}`)
    )
    const documented = new Set(operations.map((op) => `${op.method} ${documentedPath(op.path)}`))
    const undocumented = [...served].filter(
      (route) =>
        !documented.has(route) && !/ \/(openapi\.json|docs|docs\/renderer\.js)$/.test(route)
    )
    const unserved = [...documented].filter((route) => !served.has(route))
    expect(undocumented).toEqual([])
    expect(unserved).toEqual([])
    const agentOperations = operations
      .filter((op) => op.path.startsWith('/api/v1/Agents/Ticket/'))
      .map((op) => op.path.split('/').at(-1)?.toLowerCase())
    expect([...agentOperations].sort()).toEqual([...agentMethodNames].sort())
  })
})
