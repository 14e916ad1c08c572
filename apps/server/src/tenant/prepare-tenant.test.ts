import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { verifyPassword } from '../auth/password.ts'
import { bootstrap } from '../bootstrap.ts'
import { loadEnv } from '../env.ts'
import { createLogger } from '../logger.ts'
import { createTestDatabase } from '../test/postgres.ts'
import { referenceSnapshot } from '../test/tenant/snapshot.ts'
import { smallTenant } from '../test/tenant/tenant-fixtures.ts'

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ticket-tenant-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** One server start (bootstrap) with this environment; shut down when the test ends. */
async function start(env: Record<string, string>) {
  const quiet = { LOG_LEVEL: 'silent', TICKET_ADMIN_PASSWORD: 'test-admin-password' }
  const deps = await bootstrap(loadEnv({ ...quiet, ...env }), createLogger('silent'))
  onTestFinished(() => deps.shutdown())
  return deps
}

describe('prepareTenant at start', () => {
  it('creates the admin from TICKET_ADMIN_USER/PASSWORD once; a later start changes nothing', async () => {
    const databaseUrl = `file:${join(tempDir(), 'ticket.db')}`
    const first = await start({
      DATABASE_URL: databaseUrl,
      TICKET_ADMIN_USER: 'chief',
      TICKET_ADMIN_PASSWORD: 'first-password',
    })
    const [admin] = (await referenceSnapshot(first.store)).associates
    expect(admin).toMatchObject({ userName: 'chief', isAdmin: true, deleted: false })
    expect(await verifyPassword('first-password', admin?.passwordHash ?? '')).toBe(true)
    await first.shutdown()

    const second = await start({
      DATABASE_URL: databaseUrl,
      TICKET_ADMIN_USER: 'chief',
      TICKET_ADMIN_PASSWORD: 'another-password',
    })
    const associates = (await referenceSnapshot(second.store)).associates
    expect(associates).toEqual([admin])
  }, 30_000)

  it('imports TICKET_TENANT_FILE at every start, idempotently, and picks up edits', async () => {
    const dir = tempDir()
    const file = join(dir, 'acme.tenant.json')
    writeFileSync(file, JSON.stringify(smallTenant()))
    const databaseUrl = `file:${join(dir, 'ticket.db')}`
    const first = await start({ DATABASE_URL: databaseUrl, TICKET_TENANT_FILE: file })
    const before = await referenceSnapshot(first.store)
    expect(before.associates.map((a) => a.userName)).toEqual(['admin', 'Kari', 'per'])
    await first.shutdown()

    const again = await start({ DATABASE_URL: databaseUrl, TICKET_TENANT_FILE: file })
    expect(await referenceSnapshot(again.store)).toEqual(before)
    await again.shutdown()

    const edited = smallTenant()
    edited.Tags?.push({ Name: 'Urgent customer' })
    writeFileSync(file, JSON.stringify(edited))
    const third = await start({ DATABASE_URL: databaseUrl, TICKET_TENANT_FILE: file })
    expect((await referenceSnapshot(third.store)).tags.map((t) => t.name)).toEqual([
      'VIP',
      'Urgent customer',
    ])
  }, 30_000)

  it('fails the start on an invalid tenant file, naming the file and every invalid path', async () => {
    const file = join(tempDir(), 'broken.tenant.json')
    writeFileSync(
      file,
      JSON.stringify({ Associates: [{ UserName: 'x' }], Statuses: [{ Name: 'S', Status: 'Nope' }] })
    )
    const starting = start({ DATABASE_URL: ':memory:', TICKET_TENANT_FILE: file })
    await expect(starting).rejects.toThrow(`Invalid tenant file ${file}:`)
    const message = await starting.then(
      () => '',
      (e: unknown) => String(e)
    )
    for (const path of ['/Associates/0/FullName', '/Associates/0/Email', '/Statuses/0/Status']) {
      expect(message).toContain(path)
    }
  }, 30_000)

  it('fails the start on a tenant file that is missing or not JSON', async () => {
    const dir = tempDir()
    const missing = join(dir, 'missing.json')
    await expect(start({ DATABASE_URL: ':memory:', TICKET_TENANT_FILE: missing })).rejects.toThrow(
      `Invalid tenant file ${missing}:\n  /: cannot read the file`
    )
    const garbled = join(dir, 'garbled.json')
    writeFileSync(garbled, '{ "Associates": [')
    await expect(start({ DATABASE_URL: ':memory:', TICKET_TENANT_FILE: garbled })).rejects.toThrow(
      /not valid JSON/
    )
  }, 30_000)

  it('loads the demo tenant only on an empty database', async () => {
    const dir = tempDir()
    const file = join(dir, 'acme.tenant.json')
    writeFileSync(file, JSON.stringify(smallTenant()))
    const databaseUrl = `file:${join(dir, 'ticket.db')}`
    const first = await start({ DATABASE_URL: databaseUrl, TICKET_TENANT_FILE: file })
    await first.shutdown()
    const demo = await start({ DATABASE_URL: databaseUrl, TICKET_DEMO_DATA: '1' })
    const names = (await referenceSnapshot(demo.store)).categories.map((c) => c.name)
    expect(names).toEqual(['Desk', 'Desk Printers'])
  }, 30_000)

  it('creates the admin and loads the demo tenant on PostgreSQL too', async () => {
    const database = await createTestDatabase()
    onTestFinished(() => database.drop())
    const deps = await start({
      DATABASE_URL: database.url,
      TICKET_ADMIN_PASSWORD: 'pg-admin',
      TICKET_DEMO_DATA: '1',
    })
    const snapshot = await referenceSnapshot(deps.store)
    expect(snapshot.associates.map((a) => a.userName)).toEqual([
      'admin',
      'anna',
      'bjorn',
      'carla',
      'david',
      'eva',
      'fredrik',
      'guro',
    ])
    expect(snapshot.members).toHaveLength(12)
    await deps.shutdown()
  }, 30_000)
})
