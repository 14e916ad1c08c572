import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { openStore } from '../db/store.ts'
import { demoTenantPath } from '../tenant/demo-tenant.ts'
import { runScript } from '../test/tenant/run-script.ts'
import { referenceSnapshot } from '../test/tenant/snapshot.ts'

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ticket-cli-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

const importTenant = (databaseUrl: string, ...args: string[]) =>
  runScript('src/cli/import-tenant.ts', args, { DATABASE_URL: databaseUrl })

describe('tenant:import CLI', () => {
  it('imports a file into DATABASE_URL and prints the counts; a second run changes nothing', async () => {
    const databaseUrl = `file:${join(tempDir(), 'ticket.db')}`
    const first = importTenant(databaseUrl, demoTenantPath)
    expect(await first.exited, first.stderr()).toBe(0)
    expect(first.stdout()).toContain(`Imported ${demoTenantPath} into sqlite:`)
    expect(first.stdout()).toMatch(/Associates\s+7 created, 0 updated, 0 unchanged/)
    expect(first.stdout()).toMatch(/Persons\s+10 created, 0 updated, 0 unchanged/)

    const second = importTenant(databaseUrl, demoTenantPath)
    expect(await second.exited, second.stderr()).toBe(0)
    expect(second.stdout()).toMatch(/Associates\s+0 created, 0 updated, 7 unchanged/)

    const store = await openStore(databaseUrl)
    onTestFinished(() => store.close())
    const snapshot = await referenceSnapshot(store)
    expect(snapshot.associates).toHaveLength(7)
    expect(snapshot.categories).toHaveLength(4)
  }, 60_000)

  it('exits 1 with every invalid path on an invalid file, and writes nothing', async () => {
    const dir = tempDir()
    const databasePath = join(dir, 'ticket.db')
    const databaseUrl = `file:${databasePath}`
    const file = join(dir, 'bad.tenant.json')
    writeFileSync(file, JSON.stringify({ Persons: [{ Firstname: 'A', Email: 7 }], Extra: true }))
    const run = importTenant(databaseUrl, file)
    expect(await run.exited).toBe(1)
    expect(run.stderr()).toContain(`Invalid tenant file ${file}:`)
    for (const path of ['/Extra', '/Persons/0/Lastname', '/Persons/0/Email']) {
      expect(run.stderr()).toContain(`  ${path}: `)
    }
    expect(run.stdout()).toBe('')
    // The file is checked before the database is even opened.
    expect(existsSync(databasePath)).toBe(false)

    const usage = importTenant(databaseUrl)
    expect(await usage.exited).toBe(1)
    expect(usage.stderr()).toContain('usage: tenant:import <tenant-file.json>')
  }, 60_000)
})
