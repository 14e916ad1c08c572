import { onTestFinished } from 'vitest'
import { createApp } from '../../app.ts'
import { hashPassword } from '../../auth/password.ts'
import type { Store } from '../../db/store.ts'
import { tablesOf } from '../../db/tables-of.ts'
import { validateAgainstDocument } from '../contract/validated-app.ts'
import { createTestApp } from '../harness.ts'
import { createTestDatabase } from '../postgres.ts'
import { seeder } from '../seed.ts'

export type AuthTestDatabase = 'sqlite' | 'pg'

/** A movable service clock: tests step it instead of sleeping. */
export interface TestClock {
  ms: number
  advance(ms: number): void
}

/**
 * The app over a fresh database (SQLite `:memory:` or a new PostgreSQL database) with a
 * movable clock as `CoreDeps.now`.
 */
export async function createAuthTestApp(
  database: AuthTestDatabase = 'sqlite',
  env: Record<string, string> = {}
) {
  const pg = database === 'pg' ? await createTestDatabase() : undefined
  const { deps } = await createTestApp({ database: pg?.url ?? ':memory:', env })
  if (pg) {
    onTestFinished(async () => {
      await deps.shutdown()
      await pg.drop()
    })
  }
  const clock: TestClock = {
    ms: Date.parse('2030-01-01T08:00:00.000Z'),
    advance(ms) {
      this.ms += ms
    },
  }
  const app = validateAgainstDocument(createApp({ ...deps, now: () => new Date(clock.ms) }))
  return { app, deps, clock }
}

/** Adds a signed-in-able associate without full rights; returns its id. */
export async function addAssociate(store: Store, userName: string, password: string) {
  return seeder(store.db, tablesOf(store.db)).associate({
    userName,
    name: userName,
    fullName: userName,
    formalName: userName,
    passwordHash: await hashPassword(password),
  })
}
