import { createEscalationModule } from '../escalation/escalation-module.ts'
import { createHistoryModule } from '../history/history-module.ts'
import { createSearchBacklogModule } from '../listing/search-backlog.ts'
import { createNotificationsModule } from '../notifications/notifications-module.ts'
import { createWebhooksModule } from '../webhooks/webhooks-module.ts'
import type { ServiceModuleFactory } from './service-module.ts'

/** Every optional feature of the service, in start order. Each module is one line here. */
export const serviceModules: ServiceModuleFactory[] = [
  createHistoryModule,
  createNotificationsModule,
  createWebhooksModule,
  createEscalationModule,
  createSearchBacklogModule,
]
