import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { startCommitThread } from './commit-thread.ts'

// The import command's module: in a worker it serves as the commit thread.
const importCommand = new URL('../cli/import-tickets.ts', import.meta.url)

describe('the import’s commit thread', () => {
  it('fails every commit, and stops at once, after the thread is gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ticket-commit-thread-'))
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    // A database under a plain file cannot be opened: the thread fails as it starts.
    const file = join(dir, 'not-a-folder')
    writeFileSync(file, '')
    const thread = startCommitThread(importCommand, join(file, 'ticket.db'))
    const first = thread.sink.commit({ at: new Date().toISOString() })
    await expect(first).rejects.toThrow()
    // Asked after the thread ended: refused at once, never left waiting for a reply.
    thread.sink.add([])
    await expect(thread.sink.commit({ at: new Date().toISOString() })).rejects.toThrow()
    await thread.stop()
  }, 30_000)
})
