import { eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import type { AppEnv } from '../app-env.ts'
import { tablesOf } from '../db/tables-of.ts'
import { createErrorHandler } from '../http/handle-error.ts'
import { createLogger } from '../logger.ts'
import { createTestApp } from '../test/harness.ts'
import { basicHeader } from '../test/requests.ts'
import { createAuthenticate } from './authenticate.ts'
import { hashPassword, verifyPassword } from './password.ts'

/** The middleware alone, with an observed password verifier and a movable clock. */
async function observedAuth() {
  const { deps } = await createTestApp()
  let ms = Date.parse('2030-01-01T08:00:00.000Z')
  const clock = { advance: (by: number) => (ms += by) }
  const verified: string[] = []
  // While held, every check waits before hashing: a test can change things while checks run.
  let held: Promise<void> | undefined
  const hold = () => {
    let release = () => {}
    held = new Promise((resolve) => {
      release = resolve
    })
    return () => {
      held = undefined
      release()
    }
  }
  const auth = createAuthenticate(
    { ...deps, now: () => new Date(ms) },
    {
      verify: async (password, hash) => {
        verified.push(password)
        await held
        return verifyPassword(password, hash)
      },
    }
  )
  const app = new Hono<AppEnv>()
  app.onError(createErrorHandler(createLogger('silent')))
  app.use('*', auth.middleware)
  app.get('/me', (c) => c.json(c.get('caller')))
  const as = (password: string) =>
    app.request('/me', { headers: { authorization: basicHeader({ username: 'admin', password }) } })
  return { deps, clock, verified, auth, as, hold }
}

describe('the verified-credential cache', { timeout: 30_000 }, () => {
  it('spares the slow hash for a credential that verified recently', async () => {
    const { verified, as } = await observedAuth()
    expect((await as('admin-test-password')).status).toBe(200)
    expect(verified).toHaveLength(1)
    for (let i = 0; i < 5; i++) {
      expect((await as('admin-test-password')).status).toBe(200)
    }
    expect(verified).toHaveLength(1)
    expect((await as('wrong')).status).toBe(401)
    expect((await as('wrong')).status).toBe(401)
    expect(verified).toEqual(['admin-test-password', 'wrong', 'wrong'])
  })

  it('never answers a changed password from the cache', async () => {
    const { deps, verified, as } = await observedAuth()
    expect((await as('admin-test-password')).status).toBe(200)
    const { associates } = tablesOf(deps.store.db)
    // As every writer of associates does (password reset, tenant import): announce the change.
    await deps.store
      .transaction(async (tx) => {
        await tx
          .update(associates)
          .set({ passwordHash: await hashPassword('new-password') })
          .where(eq(associates.userName, 'admin'))
        return deps.store.changes.stage(tx, 'reference')
      })
      .then((announce) => announce())
    expect((await as('admin-test-password')).status).toBe(401)
    expect((await as('new-password')).status).toBe(200)
    expect((await as('new-password')).status).toBe(200)
    expect(verified).toEqual(['admin-test-password', 'admin-test-password', 'new-password'])
  })

  it('answers a remembered credential without reading the associate', async () => {
    const { deps, as } = await observedAuth()
    expect((await as('admin-test-password')).status).toBe(200)
    const { associates } = tablesOf(deps.store.db)
    // Renamed without an announcement: only a read of the row could notice.
    await deps.store.db
      .update(associates)
      .set({ fullName: 'Renamed quietly' })
      .where(eq(associates.userName, 'admin'))
    const res = await as('admin-test-password')
    expect(res.status).toBe(200)
    expect(((await res.json()) as { fullName: string }).fullName).not.toBe('Renamed quietly')
  })

  it('forgets every credential when associates change', async () => {
    const { deps, verified, as } = await observedAuth()
    expect((await as('admin-test-password')).status).toBe(200)
    await deps.store.changes.publish('reference')
    expect((await as('admin-test-password')).status).toBe(200)
    expect(verified).toEqual(['admin-test-password', 'admin-test-password'])
  })

  it('renews an entry after five minutes by reading the associate, and forget() clears it at once', async () => {
    const { deps, clock, verified, auth, as } = await observedAuth()
    await as('admin-test-password')
    const { associates } = tablesOf(deps.store.db)
    await deps.store.db
      .update(associates)
      .set({ fullName: 'Renamed quietly' })
      .where(eq(associates.userName, 'admin'))
    clock.advance(5 * 60_000 - 1)
    const before = await as('admin-test-password')
    expect(((await before.json()) as { fullName: string }).fullName).not.toBe('Renamed quietly')
    clock.advance(1)
    // Expired: the row is read again (the quiet rename is seen); its hash is the one the password
    // verified against, so no second hash is paid.
    const renewed = await as('admin-test-password')
    expect(renewed.status).toBe(200)
    expect(((await renewed.json()) as { fullName: string }).fullName).toBe('Renamed quietly')
    expect(verified).toHaveLength(1)
    auth.forget()
    expect((await as('admin-test-password')).status).toBe(200)
    expect(verified).toHaveLength(2)
  })

  it('refuses a password changed without an announcement once the entry expires', async () => {
    const { deps, clock, verified, as } = await observedAuth()
    expect((await as('admin-test-password')).status).toBe(200)
    const { associates } = tablesOf(deps.store.db)
    await deps.store.db
      .update(associates)
      .set({ passwordHash: await hashPassword('changed-by-hand') })
      .where(eq(associates.userName, 'admin'))
    clock.advance(5 * 60_000)
    expect((await as('admin-test-password')).status).toBe(401)
    expect((await as('changed-by-hand')).status).toBe(200)
    expect(verified).toEqual(['admin-test-password', 'admin-test-password', 'changed-by-hand'])
  })

  it('checks unknown user names against a decoy hash, so they cost the same', async () => {
    const { verified, auth } = await observedAuth()
    const app = new Hono<AppEnv>()
    app.onError(createErrorHandler(createLogger('silent')))
    app.use('*', auth.middleware)
    app.get('/me', (c) => c.text('never'))
    const res = await app.request('/me', {
      headers: { authorization: basicHeader({ username: 'nobody', password: 'guess' }) },
    })
    expect(res.status).toBe(401)
    expect(verified).toEqual(['guess'])
  })

  it('checks a credential once for the requests that arrive while its check runs', async () => {
    const { clock, verified, as } = await observedAuth()
    const first = await Promise.all(Array.from({ length: 16 }, () => as('admin-test-password')))
    expect(first.map((r) => r.status)).toEqual(Array(16).fill(200))
    expect(verified).toHaveLength(1)
    // The entry expires under load: its hash unchanged, sixteen requests at once pay none.
    clock.advance(5 * 60_000)
    const again = await Promise.all(Array.from({ length: 16 }, () => as('admin-test-password')))
    expect(again.map((r) => r.status)).toEqual(Array(16).fill(200))
    expect(verified).toHaveLength(1)
    // A wrong password is refused to each request that sent it, from one check.
    const wrong = await Promise.all(Array.from({ length: 4 }, () => as('wrong')))
    expect(wrong.map((r) => r.status)).toEqual(Array(4).fill(401))
    expect(verified).toEqual(['admin-test-password', 'wrong'])
  })

  it('does not remember a check that was under way when associates changed', async () => {
    const { deps, verified, as, hold } = await observedAuth()
    const release = hold()
    const during = as('admin-test-password')
    await new Promise((resolve) => setTimeout(resolve, 20))
    await deps.store.changes.publish('reference')
    release()
    // Answered as it was asked, before the change; not kept for the requests after it.
    expect((await during).status).toBe(200)
    expect((await as('admin-test-password')).status).toBe(200)
    expect(verified).toHaveLength(2)
    // The check that started after the change is remembered.
    expect((await as('admin-test-password')).status).toBe(200)
    expect(verified).toHaveLength(2)
  })
})
