import { type Static, Type } from '@sinclair/typebox'
import type { TableSpec } from '@ticket/codegen'
import { Bool, Double, Int32, Text } from '../common/types.ts'

/**
 * Row of `ticket_imports`: how far the bulk import of one file has committed. It is written in
 * the same transaction as the tickets of each batch, so after a crash the row and the tickets
 * agree and a resumed run continues exactly after the last committed line.
 */
export const TicketImportRecord = Type.Object(
  {
    FileKey: Text('SHA-256 (hex) of the file size and its first and last 64 KiB.', 64),
    Path: Text('The file as the import command was given it (for people reading the row).', 4096),
    Line: Int32('Lines committed: every line up to this one is imported or reported.'),
    ByteOffset: Double('Bytes of the file committed: where a resumed run starts reading.'),
    Imported: Int32('Tickets imported so far.'),
    Rejected: Int32('Lines rejected so far.'),
    ReportBytes: Double('Length of the rejected-lines report when the batch committed.'),
    Done: Bool('Every line of the file is committed.'),
    StartedAt: Type.String({ format: 'date-time', description: 'When the first batch committed.' }),
    UpdatedAt: Type.String({ format: 'date-time', description: 'When the last batch committed.' }),
  },
  { $id: 'TicketImportRecord', description: 'Storage row of a bulk import’s progress.' }
)
export type TicketImportRecord = Static<typeof TicketImportRecord>

export const importTables: TableSpec[] = [
  { name: 'ticket_imports', schema: TicketImportRecord, primaryKey: ['FileKey'] },
]
