import type { TicketEntity } from '@ticket/schema'
import type { Caller } from '../auth/caller.ts'
import { tablesOf } from '../db/tables-of.ts'
import type { ServiceDeps } from '../modules/service-module.ts'
import { defaultTicket } from './default-ticket.ts'
import { deleteTicket } from './delete-ticket.ts'
import { toFlatTicket } from './flat-ticket.ts'
import { assembleTicket, loadTicket } from './load-ticket.ts'
import { notifyNewTicket } from './notify-new-ticket.ts'
import { withRights } from './present-ticket.ts'
import { type SaveTicketRequest, saveTicket } from './save-ticket.ts'
import { saveWithRights } from './save-with-rights.ts'
import { findTicketVersion, liveTicketRows } from './ticket-rows.ts'
import { createTicketVersions, type TicketVersion } from './ticket-versions.ts'

/**
 * Every ticket operation, shared by the REST routes and the agent routes: they differ only in
 * envelope and not-found behaviour. Entities come back with the caller's rights.
 */
export function createTicketService(deps: ServiceDeps) {
  const { store } = deps
  const versionOf = createTicketVersions(store, (id) =>
    findTicketVersion(store.reader, tablesOf(store.db), id)
  )
  return {
    async defaultEntity(caller: Caller): Promise<TicketEntity> {
      return withRights(await defaultTicket(deps.catalog.readerFor(store.reader), caller), caller)
    },
    async read(caller: Caller, id: number): Promise<TicketEntity | undefined> {
      return (await this.readVersioned(caller, id))?.entity
    },
    /** The ticket and the revision it was read at, from one read (ETag, PATCH). */
    async readVersioned(
      caller: Caller,
      id: number
    ): Promise<{ entity: TicketEntity; revision: number } | undefined> {
      const loaded = await loadTicket(
        store.reader,
        tablesOf(store.db),
        deps.catalog.readerFor(store.reader),
        id
      )
      return loaded && { entity: withRights(loaded.entity, caller), revision: loaded.row.revision }
    },
    /**
     * The live ticket's revision and last change: If-Match, If-Unmodified-Since and every read
     * of a kept answer ask it.
     */
    version(id: number): Promise<TicketVersion | undefined> {
      return versionOf(id)
    },
    async readFlat(ids: number[]) {
      const rows = await liveTicketRows(store.reader, tablesOf(store.db), ids)
      const reader = deps.catalog.readerFor(store.reader)
      const byId = new Map(rows.map((row) => [row.ticketId, row]))
      const ordered = ids.map((id) => byId.get(id)).filter((row) => row !== undefined)
      return Promise.all(
        ordered.map(async (row) =>
          toFlatTicket(await assembleTicket(store.reader, tablesOf(store.db), reader, row))
        )
      )
    },
    async save(caller: Caller, request: SaveTicketRequest): Promise<TicketEntity> {
      return saveWithRights(
        (stamped: SaveTicketRequest) => saveTicket(deps, caller, stamped),
        request,
        (saved) => withRights(saved, caller)
      )
    },
    delete: (caller: Caller, id: number) => deleteTicket(deps, caller, id),
    notifyNewTicket: (caller: Caller, id: number) => notifyNewTicket(deps, caller, id),
  }
}

export type TicketService = ReturnType<typeof createTicketService>
