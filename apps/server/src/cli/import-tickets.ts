// `pnpm --filter @ticket/server tickets:import <file.jsonl> [--batch N] [--as userName]
// [--report file]`: imports TicketEntity JSON lines into DATABASE_URL as new tickets. A progress
// bar with rate and ETA on a terminal, a plain progress line per second otherwise. Rejected lines
// go to the report (JSON lines: line number and problem). Interrupted (Ctrl-C, a crash), it
// resumes after the last committed batch when run again with the same file.
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { appendFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { SingleBar } from 'cli-progress'
import { eq } from 'drizzle-orm'
import { openStore } from '../db/store.ts'
import { loadEnv } from '../env.ts'
import { createCatalog } from '../reference/catalog.ts'
import { bulkImport, type RejectedLine } from '../tickets/bulk-import.ts'

interface ImportState {
  file: string
  /** Every line up to this one is committed (imported or reported). */
  committedLine: number
  imported: number
  rejected: number
  done: boolean
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      batch: { type: 'string', default: '2000' },
      as: { type: 'string' },
      report: { type: 'string' },
    },
  })
  const [file] = positionals
  const batchSize = Number(values.batch)
  if (!file || positionals.length > 1 || !Number.isInteger(batchSize) || batchSize < 1) {
    process.stderr.write(
      'usage: tickets:import <tickets.jsonl> [--batch N] [--as userName] [--report rejected.jsonl]\n'
    )
    return 1
  }
  const env = loadEnv()
  const path = resolve(file)
  const reportPath = resolve(values.report ?? `${path}.rejected.jsonl`)
  const statePath = `${path}.import-state.json`
  const previous: ImportState | undefined = existsSync(statePath)
    ? JSON.parse(readFileSync(statePath, 'utf8'))
    : undefined
  if (previous?.done) {
    process.stdout.write(
      `${path} was imported already (${previous.imported} tickets, ${previous.rejected} rejected); delete ${statePath} to import it again\n`
    )
    return 0
  }
  const store = await openStore(env.DATABASE_URL)
  const catalog = createCatalog(store)
  try {
    const userName = values.as ?? env.TICKET_ADMIN_USER
    const t = store.tables.associates
    const [associate] = await store.db.select().from(t).where(eq(t.userName, userName))
    if (!associate) {
      process.stderr.write(`no associate with user name ${userName} (--as)\n`)
      return 1
    }
    const caller = {
      associateId: associate.associateId,
      userName: associate.userName ?? userName,
      fullName: associate.fullName,
      isAdmin: associate.isAdmin,
      language: associate.language,
    }
    const stream = createReadStream(path)
    let interrupted = false
    const onSignal = () => {
      interrupted = true
    }
    process.once('SIGINT', onSignal)
    process.once('SIGTERM', onSignal)
    async function* lines() {
      for await (const line of createInterface({
        input: stream,
        crlfDelay: Number.POSITIVE_INFINITY,
      })) {
        if (interrupted) {
          return
        }
        yield line
      }
    }
    const skipThrough = previous?.committedLine ?? 0
    const counted = { imported: previous?.imported ?? 0, rejected: previous?.rejected ?? 0 }
    const progress = createProgress(statSync(path).size, () => stream.bytesRead, counted.imported)
    let pendingReport: string[] = []
    const result = await bulkImport(lines(), {
      store,
      catalog,
      caller,
      now: () => new Date(),
      batchSize,
      skipThrough,
      onRejected: (entry: RejectedLine) => {
        pendingReport.push(JSON.stringify(entry))
      },
      onCommitted: async ({ line, imported, rejected }) => {
        if (pendingReport.length > 0) {
          await appendFile(reportPath, `${pendingReport.join('\n')}\n`)
          pendingReport = []
        }
        const state: ImportState = {
          file: path,
          committedLine: line,
          imported: counted.imported + imported,
          rejected: counted.rejected + rejected,
          done: false,
        }
        writeFileSync(statePath, JSON.stringify(state))
        progress.update(state.imported, state.rejected)
      },
    })
    progress.stop()
    const total = {
      imported: counted.imported + result.imported,
      rejected: counted.rejected + result.rejected,
    }
    if (interrupted) {
      process.stdout.write(
        `interrupted after line ${result.lines}: ${total.imported} imported so far; run the same command again to resume\n`
      )
      return 130
    }
    writeFileSync(
      statePath,
      JSON.stringify({ file: path, committedLine: result.lines, ...total, done: true })
    )
    process.stdout.write(
      `imported ${total.imported} tickets into ${store.dialect} in ${progress.seconds().toFixed(1)} s (${progress.rate().toFixed(0)} tickets/s)` +
        (total.rejected > 0 ? `; ${total.rejected} lines rejected, see ${reportPath}\n` : '\n')
    )
    return total.rejected > 0 ? 2 : 0
  } finally {
    catalog.close()
    await store.close()
  }
}

/** The bar on a terminal (rate, ETA by bytes read); otherwise one plain line per second. */
function createProgress(totalBytes: number, bytesRead: () => number, importedBefore: number) {
  const started = Date.now()
  let imported = importedBefore
  const seconds = () => (Date.now() - started) / 1000
  // The rate of this run: a resumed run does not count what the last one imported.
  const rate = () => (imported - importedBefore) / Math.max(seconds(), 0.001)
  const tty = process.stderr.isTTY
  const bar = tty
    ? new SingleBar({
        format:
          'tickets |{bar}| {percentage}% | {imported} imported, {rejected} rejected | {rate}/s | ETA {eta_formatted}',
        stream: process.stderr,
        hideCursor: true,
      })
    : undefined
  bar?.start(totalBytes, 0, { imported: 0, rejected: 0, rate: 0 })
  let lastLine = 0
  return {
    update(total: number, rejected: number) {
      imported = total
      if (bar) {
        bar.update(bytesRead(), { imported, rejected, rate: rate().toFixed(0) })
      } else if (Date.now() - lastLine >= 1000) {
        lastLine = Date.now()
        const percent = ((100 * bytesRead()) / Math.max(totalBytes, 1)).toFixed(1)
        process.stderr.write(
          `${percent}% read, ${imported} imported, ${rejected} rejected, ${rate().toFixed(0)} tickets/s\n`
        )
      }
    },
    stop: () => bar?.stop(),
    seconds,
    rate,
  }
}

try {
  process.exitCode = await main(process.argv.slice(2))
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
}
