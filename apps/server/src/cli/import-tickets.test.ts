import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { createTestApp } from '../test/harness.ts'
import { call } from '../test/requests.ts'
import { runScript } from '../test/tenant/run-script.ts'

const importTickets = (databaseUrl: string, ...args: string[]) =>
  runScript('src/cli/import-tickets.ts', args, {
    DATABASE_URL: databaseUrl,
    TICKET_ADMIN_USER: 'admin',
  })

/** A demo database (closed again, so the CLI is its only user) and a folder for the files. */
async function demoDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'ticket-import-'))
  const databaseUrl = `file:${join(dir, 'ticket.db')}`
  const opened = await createTestApp({ database: databaseUrl, env: { TICKET_DEMO_DATA: '1' } })
  await opened.close()
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return { dir, databaseUrl }
}

async function titles(databaseUrl: string) {
  const { app } = await createTestApp({ database: databaseUrl })
  const res = await call(app, 'POST', '/api/v1/Agents/Ticket/GetTickets', {
    ticketIds: Array.from({ length: 20 }, (_, i) => i + 1),
  })
  return (res.body as { Title: string }[]).map((t) => t.Title)
}

describe('tickets:import CLI', () => {
  it('imports valid lines, reports each rejected line with its number, and resumes', async () => {
    const { dir, databaseUrl } = await demoDatabase()
    const file = join(dir, 'tickets.jsonl')
    writeFileSync(
      file,
      [
        JSON.stringify({ Title: 'first', Tags: [{ Name: 'imported' }] }),
        '{not json',
        JSON.stringify({ Title: 'third', Category: { TicketCategoryId: 9999 } }),
        '',
        JSON.stringify({ title: 'fifth', slevel: 'External' }),
      ].join('\n')
    )
    const run = importTickets(databaseUrl, file, '--batch', '2')
    expect(await run.exited, run.stderr()).toBe(2)
    expect(run.stdout()).toMatch(/imported 2 tickets into sqlite .*; 2 lines rejected/)
    const report = readFileSync(`${file}.rejected.jsonl`, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(report.map((r) => r.line)).toEqual([2, 3])
    expect(report[0].problem).toMatch(/^Not JSON/)
    expect(report[1].errors).toEqual([
      expect.objectContaining({ path: '/Category/TicketCategoryId', code: 'unknown_reference' }),
    ])
    expect(await titles(databaseUrl)).toEqual(['first', 'fifth'])

    // Run again: everything is imported already, nothing is written twice.
    const again = importTickets(databaseUrl, file)
    expect(await again.exited, again.stderr()).toBe(0)
    expect(again.stdout()).toMatch(/imported already/)
    expect(await titles(databaseUrl)).toEqual(['first', 'fifth'])
  }, 60_000)

  it('resumes after the last committed line of an interrupted run', async () => {
    const { dir, databaseUrl } = await demoDatabase()
    const file = join(dir, 'tickets.jsonl')
    writeFileSync(file, ['a', 'b', 'c', 'd'].map((t) => JSON.stringify({ Title: t })).join('\n'))
    // What an interrupted run leaves: lines 1-2 committed (their tickets are not in this
    // database, so the test sees that they are skipped rather than imported again).
    writeFileSync(
      `${file}.import-state.json`,
      JSON.stringify({ file, committedLine: 2, imported: 2, rejected: 0, done: false })
    )
    const run = importTickets(databaseUrl, file)
    expect(await run.exited, run.stderr()).toBe(0)
    expect(run.stdout()).toMatch(/imported 4 tickets/)
    expect(await titles(databaseUrl)).toEqual(['c', 'd'])
  }, 60_000)
})
