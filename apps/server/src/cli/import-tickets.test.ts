import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it, onTestFinished } from 'vitest'
import { importTenant } from '../tenant/import-tenant.ts'
import { demoRefs } from '../test/demo-refs.ts'
import { createTestApp } from '../test/harness.ts'
import { referenceSample, sampleCreateIn } from '../test/reference-sample.ts'
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

const sample = referenceSample()

describe('tickets:import CLI', () => {
  it('stores a line as a create stores the same body: JSON fields, flags, links', async () => {
    const { dir, databaseUrl } = await demoDatabase()
    const { app, deps, close } = await createTestApp({ database: databaseUrl })
    await importTenant(
      deps.store,
      { CustomFields: [{ FieldName: 'x_region', FieldType: 'ShortText', Rank: 1 }] },
      { now: () => new Date(), source: 'test' }
    )
    const refs = await demoRefs(deps.store)
    // The reference sample (its ExtraFields, FormSubmission, tags and flags) with the tenant's ids.
    const body = { ...sampleCreateIn(refs), CustomFields: { x_region: 'north' } }
    const created = await call(app, 'POST', '/api/v1/Ticket', body)
    expect(created.status, created.text).toBe(200)
    await close()
    const file = join(dir, 'tickets.jsonl')
    writeFileSync(file, `${JSON.stringify(body)}\n`)
    const run = importTickets(databaseUrl, file)
    expect(await run.exited, run.stderr()).toBe(0)

    const reopened = await createTestApp({ database: databaseUrl })
    onTestFinished(() => reopened.close())
    const createdId = (created.body as { TicketId: number }).TicketId
    const read = async (id: number) => {
      const res = await call(reopened.app, 'GET', `/api/v1/Ticket/${id}`)
      expect(res.status, res.text).toBe(200)
      return res.body as Record<string, unknown>
    }
    const asCreated = await read(createdId)
    const imported = await read(createdId + 1)
    // What differs by nature: the id (and the links that name it) and the times of the save.
    const differ = new Set(['TicketId', '_Links', 'CreatedAt', 'LastChanged', 'ReadByOwner'])
    const comparable = (ticket: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(ticket).filter(([key]) => !differ.has(key)))
    expect(imported.Title).toBe(sample.Title)
    expect(imported.ExtraFields).toEqual(sample.ExtraFields)
    expect(imported.CustomFields).toEqual({ x_region: 'north' })
    expect(comparable(imported)).toEqual(comparable(asCreated))
  }, 60_000)

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

  it('resumes exactly after being killed: every line imported or reported once', async () => {
    const { dir, databaseUrl } = await demoDatabase()
    const file = join(dir, 'tickets.jsonl')
    const count = 30_000
    // Every 997th line is refused (no Title): the report must list each of them once.
    const refused = (i: number) => i % 997 === 0
    const lines = Array.from({ length: count }, (_, i) =>
      JSON.stringify(refused(i + 1) ? { Slevel: 'External' } : { Title: `line ${i + 1}` })
    )
    writeFileSync(file, `${lines.join('\n')}\n`)
    const path = join(dir, 'ticket.db')
    const committedLine = () => {
      const db = new Database(path, { readonly: true, fileMustExist: true })
      try {
        const row = db.prepare('select line, done from ticket_imports').get() as
          | { line: number; done: number }
          | undefined
        return row && { line: row.line, done: row.done === 1 }
      } finally {
        db.close()
      }
    }
    // Two runs are killed (SIGKILL: no handler runs, nothing is flushed) once they have
    // committed past a point; a third runs to the end.
    let killedAt = 0
    for (const pastLine of [1, 8_000]) {
      const run = importTickets(databaseUrl, file, '--batch', '50')
      for (;;) {
        const progress = committedLine()
        if (progress && progress.line > Math.max(pastLine, killedAt)) {
          break
        }
        expect(run.child.exitCode, run.stderr()).toBeNull()
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
      run.child.kill('SIGKILL')
      await run.exited
      const progress = committedLine()
      expect(progress?.done, 'the import ended before it was killed').toBe(false)
      expect(progress?.line).toBeGreaterThan(killedAt)
      killedAt = progress?.line ?? 0
    }
    const last = importTickets(databaseUrl, file, '--batch', '50')
    expect(await last.exited, last.stderr()).toBe(2)
    const rejectedCount = lines.filter((_, i) => refused(i + 1)).length
    expect(last.stdout()).toContain(`imported ${count - rejectedCount} tickets into sqlite`)
    const db = new Database(path, { readonly: true })
    onTestFinished(() => {
      db.close()
    })
    const imported = db
      .prepare("select title from tickets where title like 'line %'")
      .pluck()
      .all() as string[]
    const expected = lines.flatMap((_, i) => (refused(i + 1) ? [] : [`line ${i + 1}`]))
    expect(imported.length).toBe(expected.length)
    expect(new Set(imported)).toEqual(new Set(expected))
    // Full-text search holds each imported ticket once too.
    const searchable = db
      .prepare(
        "select count(*) from ticket_search s join tickets t on t.ticket_id = s.rowid where t.title like 'line %'"
      )
      .pluck()
      .get()
    expect(searchable).toBe(expected.length)
    const report = readFileSync(`${file}.rejected.jsonl`, 'utf8').trim().split('\n')
    expect(report.map((entry) => JSON.parse(entry).line)).toEqual(
      lines.flatMap((_, i) => (refused(i + 1) ? [i + 1] : []))
    )
  }, 180_000)

  it('stops at a batch boundary on SIGTERM, and will not resume a file that changed since', async () => {
    const { dir, databaseUrl } = await demoDatabase()
    const file = join(dir, 'tickets.jsonl')
    const lines = Array.from({ length: 30_000 }, (_, i) =>
      JSON.stringify({ Title: `imp ${i + 1}` })
    )
    writeFileSync(file, `${lines.join('\n')}\n`)
    const db = new Database(join(dir, 'ticket.db'), { readonly: true, fileMustExist: true })
    onTestFinished(() => {
      db.close()
    })
    const committed = () =>
      db.prepare('select line from ticket_imports').pluck().get() as number | undefined
    const run = importTickets(databaseUrl, file, '--batch', '50')
    while (!(committed() ?? 0)) {
      expect(run.child.exitCode, run.stderr()).toBeNull()
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    run.child.kill('SIGTERM')
    expect(await run.exited, run.stderr()).toBe(130)
    expect(run.stdout()).toMatch(/interrupted after line \d+/)
    const stoppedAt = committed() ?? 0
    const count = () =>
      db.prepare("select count(*) from tickets where title like 'imp %'").pluck().get() as number
    // A graceful stop commits what it read: every committed line is a ticket, no more.
    expect(count()).toBe(stoppedAt)

    writeFileSync(file, `${lines.join('\n')}\n${JSON.stringify({ Title: 'appended' })}\n`)
    const refused = importTickets(databaseUrl, file)
    expect(await refused.exited).toBe(1)
    expect(refused.stderr()).toMatch(/changed since its import was interrupted after line/)
    expect(count()).toBe(stoppedAt)

    const again = importTickets(databaseUrl, file, '--again')
    expect(await again.exited, again.stderr()).toBe(0)
    expect(count()).toBe(stoppedAt + lines.length)
  }, 180_000)
})
