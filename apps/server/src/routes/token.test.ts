import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { tablesOf } from '../db/tables-of.ts'
import { addAssociate, createAuthTestApp } from '../test/auth/auth-test-app.ts'
import { basicHeader, call } from '../test/requests.ts'

const bearer = (token: string) => ({ auth: null, headers: { authorization: `Bearer ${token}` } })

describe.each(['sqlite', 'pg'] as const)('API tokens on %s', { timeout: 30_000 }, (database) => {
  it('issues a token shown once, which then authenticates as its associate', async () => {
    const { app, deps } = await createAuthTestApp(database)
    const issued = await call(app, 'POST', '/api/v1/Token', { Name: 'nightly export' })
    expect(issued.status, issued.text).toBe(201)
    expect(issued.headers.get('cache-control')).toBe('no-store')
    expect(issued.body).toMatchObject({
      AssociateId: 1,
      Name: 'nightly export',
      CreatedAt: '2030-01-01T08:00:00.000Z',
      ExpiresAt: null,
      RevokedAt: null,
    })
    const token: string = issued.body.Token
    expect(token).toMatch(/^tk_[A-Za-z0-9_-]{43}$/)

    const [row] = await deps.store.db.select().from(tablesOf(deps.store.db).apiTokens)
    expect(row?.digest).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(row)).not.toContain(token.slice(3))

    const listed = await call(app, 'GET', '/api/v1/Token', undefined, bearer(token))
    expect(listed.status, listed.text).toBe(200)
    expect(listed.body).toEqual([expect.objectContaining({ TokenId: issued.body.TokenId })])
    expect(listed.text).not.toContain(token)
  })

  it('revokes: the token answers 401 right away; revoking twice is still 204', async () => {
    const { app } = await createAuthTestApp(database)
    const issued = await call(app, 'POST', '/api/v1/Token')
    expect(issued.status, issued.text).toBe(201)
    const { Token: token, TokenId: id } = issued.body
    expect((await call(app, 'GET', '/api/v1/Token', undefined, bearer(token))).status).toBe(200)

    const revoked = await call(app, 'DELETE', `/api/v1/Token/${id}`, undefined, bearer(token))
    expect(revoked.status, revoked.text).toBe(204)
    const after = await call(app, 'GET', '/api/v1/Token', undefined, bearer(token))
    expect(after.status).toBe(401)
    expect(after.headers.get('www-authenticate')).toMatch(/^Basic realm="/)
    expect(after.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(after.body).toMatchObject({ status: 401, code: 'UNAUTHORIZED' })

    expect((await call(app, 'DELETE', `/api/v1/Token/${id}`)).status).toBe(204)
    const [listed] = (await call(app, 'GET', '/api/v1/Token')).body
    expect(listed.RevokedAt).toBe('2030-01-01T08:00:00.000Z')
  })

  it('stops accepting a token at its ExpiresAt', async () => {
    const { app, clock } = await createAuthTestApp(database)
    const issued = await call(app, 'POST', '/api/v1/Token', { ExpiresAt: '2030-01-01T09:00' })
    expect(issued.status, issued.text).toBe(201)
    expect(issued.body.ExpiresAt).toBe('2030-01-01T09:00:00.000Z')
    expect(
      (await call(app, 'GET', '/api/v1/Token', undefined, bearer(issued.body.Token))).status
    ).toBe(200)
    clock.advance(60 * 60_000)
    expect(
      (await call(app, 'GET', '/api/v1/Token', undefined, bearer(issued.body.Token))).status
    ).toBe(401)
  })

  it("lets an associate revoke only their own tokens; the admin may revoke anyone's", async () => {
    const { app, deps } = await createAuthTestApp(database)
    await addAssociate(deps.store, 'anna', 'anna-password')
    const anna = { auth: { username: 'anna', password: 'anna-password' } }
    const adminToken = await call(app, 'POST', '/api/v1/Token')
    const annaToken = await call(app, 'POST', '/api/v1/Token', undefined, anna)
    expect(annaToken.body.AssociateId).not.toBe(adminToken.body.AssociateId)

    const refused = await call(
      app,
      'DELETE',
      `/api/v1/Token/${adminToken.body.TokenId}`,
      undefined,
      anna
    )
    expect(refused.status, refused.text).toBe(404)
    expect(
      (await call(app, 'GET', '/api/v1/Token', undefined, bearer(adminToken.body.Token))).status
    ).toBe(200)
    expect((await call(app, 'GET', '/api/v1/Token', undefined, anna)).body).toHaveLength(1)

    expect((await call(app, 'DELETE', `/api/v1/Token/${annaToken.body.TokenId}`)).status).toBe(204)
    expect(
      (await call(app, 'GET', '/api/v1/Token', undefined, bearer(annaToken.body.Token))).status
    ).toBe(401)
  })

  it('stops a token of a deleted associate', async () => {
    const { app, deps } = await createAuthTestApp(database)
    const id = await addAssociate(deps.store, 'leaver', 'leaver-password')
    const headers = {
      authorization: basicHeader({ username: 'leaver', password: 'leaver-password' }),
    }
    const issued = await call(app, 'POST', '/api/v1/Token', undefined, { auth: null, headers })
    expect(issued.status).toBe(201)
    const { associates } = tablesOf(deps.store.db)
    await deps.store.db
      .update(associates)
      .set({ deleted: true })
      .where(eq(associates.associateId, id))
    expect(
      (await call(app, 'GET', '/api/v1/Token', undefined, bearer(issued.body.Token))).status
    ).toBe(401)
  })
})
