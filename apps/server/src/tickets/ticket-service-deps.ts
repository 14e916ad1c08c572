import type { Db } from '../db/store.ts'
import type { CoreDeps, ServiceModule } from '../modules/service-module.ts'
import type { ReferenceReader } from './reference-reader.ts'

/** What the ticket operations need beyond the core. */
export interface TicketServiceDeps extends CoreDeps {
  modules: ServiceModule[]
  /** Reference reads bound to a connection or transaction. */
  readerFor(db: Db): ReferenceReader
  /** Automatic assignment (`OwnedBy.AssociateId` 2147483647); null leaves it unassigned. */
  assignOwner(
    tx: Db,
    input: { categoryId: number | null; personId: number | null }
  ): Promise<number | null>
}
