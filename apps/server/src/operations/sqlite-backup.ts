import { existsSync, renameSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { parseDatabaseUrl } from '../db/database-url.ts'

/** The SQLite file DATABASE_URL names; PostgreSQL and `:memory:` have their own tools or none. */
export function sqliteFileOf(databaseUrl: string): string {
  const location = parseDatabaseUrl(databaseUrl)
  if (location.dialect !== 'sqlite') {
    throw new Error(
      'DATABASE_URL is PostgreSQL: back it up with pg_dump and restore with pg_restore (README, Operations).'
    )
  }
  if (location.path === ':memory:') {
    throw new Error('DATABASE_URL is an in-memory database: there is nothing to back up.')
  }
  return resolve(location.path)
}

/**
 * Copies a live SQLite database to `target` with SQLite's online backup API: a consistent
 * snapshot, WAL content included, while the server keeps reading and writing. Every write
 * committed before the backup started is in the copy. The copy is written beside the target
 * and renamed into place, so a failed backup never leaves a half-written file under its name.
 */
export async function backupSqlite(source: string, target: string): Promise<void> {
  if (!existsSync(source)) {
    throw new Error(`No database at ${source}.`)
  }
  const partial = `${target}.partial`
  rmSync(partial, { force: true })
  const database = new BetterSqlite3(source, { fileMustExist: true })
  try {
    database.pragma('busy_timeout = 5000')
    await database.backup(partial)
  } finally {
    database.close()
  }
  checkIntegrity(partial)
  renameSync(partial, target)
}

/**
 * Replaces the database at `target` with the backup at `source`. The server must be stopped:
 * a running process would keep writing to the file it has open. The backup is checked first;
 * the old database's WAL and shared-memory files go with it.
 */
export async function restoreSqlite(source: string, target: string): Promise<void> {
  if (!existsSync(source)) {
    throw new Error(`No backup at ${source}.`)
  }
  checkIntegrity(source)
  const partial = `${target}.partial`
  rmSync(partial, { force: true })
  const backup = new BetterSqlite3(source, { readonly: true, fileMustExist: true })
  try {
    await backup.backup(partial)
  } finally {
    backup.close()
  }
  for (const suffix of ['-wal', '-shm']) {
    rmSync(`${target}${suffix}`, { force: true })
  }
  renameSync(partial, target)
}

function checkIntegrity(file: string) {
  const database = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  try {
    const result = database.pragma('integrity_check', { simple: true })
    if (result !== 'ok') {
      throw new Error(`${file} is not a sound SQLite database: ${String(result)}`)
    }
  } finally {
    database.close()
  }
}
