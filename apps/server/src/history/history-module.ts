import type { CoreDeps, ServiceModule } from '../modules/service-module.ts'
import { registerHistoryRoutes } from './history-routes.ts'
import { recordChange } from './record-change.ts'

/**
 * The change history: every committed change to a ticket or its messages, written in the
 * change's own transaction, and the route that lists it.
 */
export function createHistoryModule(core: CoreDeps): ServiceModule {
  return {
    name: 'history',
    register(app) {
      registerHistoryRoutes(app, core.store)
    },
    inTransaction: (tx, change) => recordChange(tx, change),
  }
}
