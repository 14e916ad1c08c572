import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { startBaseline } from './processes.ts'

// The yardstick must behave as any SQLite application does: its write-ahead log is copied into
// the database file as it goes (SQLite's automatic checkpoint, every 1,000 pages), so its speed
// does not depend on how much it wrote before.
describe('the raw baseline', () => {
  it('answers each insert with its id and keeps its write-ahead log checkpointed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baseline-'))
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    const path = join(dir, 'baseline.db')
    const baseline = await startBaseline(path)
    try {
      // Each row is about a page, as the sample ticket is: 3,000 of them are three times the
      // log's checkpoint threshold.
      const body = JSON.stringify({ Title: 'x'.repeat(3_500) })
      const ids: number[] = []
      for (let i = 0; i < 3_000; i++) {
        const answer = await fetch(`${baseline.url}/`, { method: 'POST', body })
        expect(answer.status).toBe(200)
        ids.push(((await answer.json()) as { TicketId: number }).TicketId)
      }
      expect(ids).toEqual(ids.map((_, i) => i + 1))
      // Checkpointed: most rows are in the database file, and the log is about its threshold.
      expect(statSync(path).size).toBeGreaterThan(8 * 2 ** 20)
      expect(statSync(`${path}-wal`).size).toBeLessThan(6 * 2 ** 20)
    } finally {
      await baseline.stop()
    }
  })
})
