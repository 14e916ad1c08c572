import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The demo tenant shipped with the server (`TICKET_DEMO_DATA=1`); its users are in its README. */
export const demoTenantPath = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../tenant/demo.tenant.json'
)
