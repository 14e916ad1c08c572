import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { join } from 'node:path'
import { serverRoot, startService } from './processes.ts'
import { prepareContext } from './scenarios.ts'

/**
 * Builds a database of `count` tickets with the bulk import (the built `tickets:import`), timed
 * from the start of the command to its exit. The tickets are the benchmark's sample body.
 */
export async function buildLargeDatabase(dir: string, count: number) {
  const path = join(dir, 'large.db')
  // A first start creates the schema and the demo tenant the sample body refers to.
  const service = await startService(path)
  const { ticket } = await prepareContext(service.url)
  await service.stop()
  const file = join(dir, 'large.jsonl')
  const out = createWriteStream(file)
  for (let i = 0; i < count; i++) {
    if (!out.write(`${JSON.stringify({ ...ticket, Title: `imported ticket ${i}` })}\n`)) {
      await once(out, 'drain')
    }
  }
  out.end()
  await once(out, 'finish')
  const started = process.hrtime.bigint()
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn('node', ['dist/cli/import-tickets.js', file, '--batch', '5000'], {
      cwd: serverRoot,
      env: { ...process.env, DATABASE_URL: path, TICKET_ADMIN_USER: 'admin' },
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    child.once('exit', resolve)
  })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  if (code !== 0) {
    throw new Error(`the bulk import exited with ${code}`)
  }
  return { path, importPerSecond: count / seconds }
}
