import { execFile, execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it, onTestFinished } from 'vitest'
import { createTestApp } from '../test/harness.ts'
import { listen } from '../test/listen.ts'
import { adminAuth, call } from '../test/requests.ts'

const repoRoot = new URL('../../../..', import.meta.url).pathname
function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  try {
    return execFileSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8' })
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string }
    throw new Error(`${command} ${args.join(' ')} failed:\n${stdout ?? ''}${stderr ?? ''}`)
  }
}

// What another service does with the packages: install the tarballs (outside this workspace),
// type-check its own code against them, validate a body with the schema, save with the client.
// It is compiled without Node's typings (only what it reads from its host is declared), so the
// packages' declarations are proven to need none, as in a browser or Deno program; that also
// spares checking @types/node.
const program = `declare const process: { env: Record<string, string | undefined> }
import { Value } from '@sinclair/typebox/value'
import { TicketEntityInput } from '@ticket/schema'
import { createTicketClient, type TicketInput } from '@ticket/client'

const body: TicketInput = { Title: 'Saved by a packed client', Slevel: 'External' }
if (!Value.Check(TicketEntityInput, body)) throw new Error('a valid body was refused')
if (Value.Check(TicketEntityInput, { Title: 123 })) throw new Error('an invalid body passed')

const client = createTicketClient({
  baseUrl: process.env.TICKET_URL ?? '',
  auth: { basic: { username: 'admin', password: process.env.TICKET_PASSWORD ?? '' } },
})
const { data, error } = await client.saveTicket(body)
if (error || !data) throw new Error(JSON.stringify(error))
console.log(JSON.stringify({ TicketId: data.TicketId, Title: data.Title }))
`

describe('@ticket/schema and @ticket/client as installed packages', () => {
  it('pack, install outside the workspace, type-check and save a ticket against a running server', async () => {
    const packs = mkdtempSync(join(tmpdir(), 'ticket-packs-'))
    const scratch = mkdtempSync(join(tmpdir(), 'ticket-consumer-'))
    onTestFinished(() => {
      rmSync(packs, { recursive: true, force: true })
      rmSync(scratch, { recursive: true, force: true })
    })
    // Neither build reads the other's output: both at once.
    run(
      'pnpm',
      ['--filter', '@ticket/schema', '--filter', '@ticket/client', '--parallel', 'build'],
      repoRoot
    )
    for (const name of ['schema', 'client']) {
      run('pnpm', ['pack', '--pack-destination', packs], join(repoRoot, 'packages', name))
    }
    const tarball = (prefix: string) =>
      join(packs, readdirSync(packs).find((f) => f.startsWith(prefix)) ?? '')
    writeFileSync(
      join(scratch, 'package.json'),
      JSON.stringify({
        name: 'ticket-consumer',
        private: true,
        type: 'module',
        dependencies: {
          '@ticket/schema': `file:${tarball('ticket-schema-')}`,
          '@ticket/client': `file:${tarball('ticket-client-')}`,
          '@sinclair/typebox': '0.34.52',
        },
        devDependencies: { typescript: '5.9.3' },
      })
    )
    writeFileSync(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2022', 'DOM'],
          types: [],
          strict: true,
          // TypeScript's own lib files are not what is tested; every package's declarations are.
          skipDefaultLibCheck: true,
          outDir: 'out',
        },
        include: ['program.ts'],
      })
    )
    writeFileSync(join(scratch, 'program.ts'), program)
    run('pnpm', ['install', '--offline', '--ignore-workspace'], scratch)
    // Type-check (the packages' own declarations included) and compile.
    run(join(scratch, 'node_modules/.bin/tsc'), ['-p', '.'], scratch)

    const { app } = await createTestApp()
    const { baseUrl } = await listen(app)
    // Asynchronously: the server answering it runs in this process.
    const { stdout } = await promisify(execFile)(process.execPath, ['out/program.js'], {
      cwd: scratch,
      env: { ...process.env, TICKET_URL: baseUrl, TICKET_PASSWORD: adminAuth.password },
    })
    const saved = JSON.parse(stdout.trim())
    expect(saved.Title).toBe('Saved by a packed client')
    const read = await call(app, 'GET', `/api/v1/Ticket/${saved.TicketId}`)
    expect(read.body.Title).toBe('Saved by a packed client')
    expect(read.body.Slevel).toBe('External')
  }, 180_000)
})
