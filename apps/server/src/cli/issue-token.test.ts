import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createTestApp } from '../test/harness.ts'
import { call } from '../test/requests.ts'

const tsx = createRequire(import.meta.url).resolve('tsx/cli')
const serverRoot = fileURLToPath(new URL('../..', import.meta.url))

function issueToken(databaseUrl: string, args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [tsx, 'src/cli/issue-token.ts', ...args],
      { cwd: serverRoot, env: { DATABASE_URL: databaseUrl } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr })
    )
  })
}

describe('token:issue', { timeout: 60_000 }, () => {
  it('prints a token for any associate once; the token authenticates as that associate', async () => {
    const { app, env } = await createTestApp({ database: 'file' })
    const run = await issueToken(env.DATABASE_URL, ['ADMIN', 'deploy bot'])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/^tk_[A-Za-z0-9_-]{43}\n$/)
    expect(run.stderr).toMatch(/shown only this once/)
    const token = run.stdout.trim()

    const listed = await call(app, 'GET', '/api/v1/Token', undefined, {
      auth: null,
      headers: { authorization: `Bearer ${token}` },
    })
    expect(listed.status, listed.text).toBe(200)
    expect(listed.body).toEqual([expect.objectContaining({ AssociateId: 1, Name: 'deploy bot' })])
    expect(listed.text).not.toContain(token)
  })

  it('refuses an unknown user name and a missing one, issuing nothing', async () => {
    const { app, env } = await createTestApp({ database: 'file' })
    const unknown = await issueToken(env.DATABASE_URL, ['nobody'])
    expect(unknown.code).toBe(1)
    expect(unknown.stdout).toBe('')
    expect(unknown.stderr).toMatch(/No associate with the user name "nobody"/)
    const missing = await issueToken(env.DATABASE_URL, [])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/usage: token:issue <userName>/)
    expect((await call(app, 'GET', '/api/v1/Token')).body).toEqual([])
  })
})
