import { eq } from 'drizzle-orm'
import type { Db, Tables } from '../db/store.ts'

/** A file's import progress as committed (see the `ticket_imports` table). */
export type ImportProgress = {
  fileKey: string
  path: string
  line: number
  byteOffset: number
  imported: number
  rejected: number
  reportBytes: number
  done: boolean
}

/** The committed progress of the file named `fileKey`, if any batch of it ever committed. */
export async function readImportProgress(
  db: Db,
  tables: Tables,
  fileKey: string
): Promise<ImportProgress | undefined> {
  const t = tables.ticketImports
  const [row] = await db.select().from(t).where(eq(t.fileKey, fileKey))
  return row
}

/** Inside a batch's transaction: the progress that commits with its tickets. */
export async function writeImportProgress(
  tx: Db,
  tables: Tables,
  progress: ImportProgress,
  at: string
): Promise<void> {
  const t = tables.ticketImports
  const { fileKey, ...rest } = progress
  await tx
    .insert(t)
    .values({ fileKey, ...rest, startedAt: at, updatedAt: at })
    .onConflictDoUpdate({ target: t.fileKey, set: { ...rest, updatedAt: at } })
}

/** Forgets a file's progress, so that it can be imported again from its first line. */
export async function forgetImportProgress(db: Db, tables: Tables, fileKey: string) {
  await db.delete(tables.ticketImports).where(eq(tables.ticketImports.fileKey, fileKey))
}
