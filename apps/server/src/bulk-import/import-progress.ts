import { and, eq, ne, or } from 'drizzle-orm'
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

/**
 * An unfinished import of another file at the same path: the file was changed after its import
 * was interrupted, and importing the new content from its first line would repeat the lines the
 * old one committed.
 */
export async function unfinishedAtPath(
  db: Db,
  tables: Tables,
  path: string,
  fileKey: string
): Promise<ImportProgress | undefined> {
  const t = tables.ticketImports
  const [row] = await db
    .select()
    .from(t)
    .where(and(eq(t.path, path), ne(t.fileKey, fileKey), eq(t.done, false)))
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

/**
 * Forgets a file's progress, and any unfinished import at its path, so that it can be imported
 * again from its first line.
 */
export async function forgetImportProgress(db: Db, tables: Tables, fileKey: string, path: string) {
  const t = tables.ticketImports
  await db.delete(t).where(or(eq(t.fileKey, fileKey), and(eq(t.path, path), eq(t.done, false))))
}
