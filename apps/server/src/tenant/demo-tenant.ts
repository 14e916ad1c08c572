import { join } from 'node:path'
import { serverRoot } from '../server-root.ts'

/** The demo tenant shipped with the server (`TICKET_DEMO_DATA=1`); its users are in its README. */
export const demoTenantPath = join(serverRoot, 'tenant/demo.tenant.json')
