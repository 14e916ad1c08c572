import { randomBytes } from 'node:crypto'
import pg from 'pg'

/** The PostgreSQL server tests run against (its `test` database creates theirs). */
export const testServerUrl = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

/** Creates an empty PostgreSQL database for this test run and returns its URL and a dropper. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ticket_test_${process.pid}_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: testServerUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(testServerUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: testServerUrl })
      await client.connect()
      await client.query(`drop database if exists ${name} with (force)`)
      await client.end()
    },
  }
}
