import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onTestFinished } from 'vitest'
import { createTestDatabase } from './postgres.ts'

/** Where a test's data lives: SQLite in memory, a temporary SQLite file, or PostgreSQL. */
export type DatabaseKind = ':memory:' | 'file' | 'pg'

/** A temporary SQLite file's URL (open it as often as needed) and how to remove its folder. */
export function sqliteFile(): { url: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ticket-test-'))
  return {
    url: `file:${join(dir, 'ticket.db')}`,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
}

/**
 * The one temporary database of a test: its URL; a file or a PostgreSQL database is removed when
 * the test ends. Registered before the app's own teardown, so it runs after it (hooks run as a
 * stack).
 * @example const url = await temporaryDatabase('pg')
 */
export async function temporaryDatabase(kind: DatabaseKind): Promise<string> {
  if (kind === ':memory:') {
    return kind
  }
  if (kind === 'file') {
    const file = sqliteFile()
    onTestFinished(file.remove)
    return file.url
  }
  const database = await createTestDatabase()
  onTestFinished(() => database.drop())
  return database.url
}
