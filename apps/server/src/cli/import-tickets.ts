// `pnpm --filter @ticket/server tickets:import <file.jsonl> [--batch N] [--as userName]
// [--report file] [--again]`: imports TicketEntity JSON lines into DATABASE_URL as new tickets.
// A progress bar with rate and ETA on a terminal, a plain progress line per second otherwise.
// Rejected lines go to the report (JSON lines: line number and problem). Interrupted (Ctrl-C, a
// crash, a kill), it resumes after the last committed batch when run again with the same file:
// each batch records how far the file is committed in the same transaction as its tickets.
// Batches are committed by a worker thread running this same file (see commit-thread.ts).
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  rmSync,
  statSync,
  truncateSync,
  writeSync,
} from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { SingleBar } from 'cli-progress'
import { eq } from 'drizzle-orm'
import { bulkImport, type RejectedLine } from '../bulk-import/bulk-import.ts'
import {
  isCommitThread,
  serveCommitThread,
  startCommitThread,
} from '../bulk-import/commit-thread.ts'
import { fileKey } from '../bulk-import/file-key.ts'
import { fileLines } from '../bulk-import/file-lines.ts'
import {
  forgetImportProgress,
  readImportProgress,
  unfinishedAtPath,
} from '../bulk-import/import-progress.ts'
import { openStore } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { loadEnv } from '../env.ts'
import { createCatalog } from '../reference/catalog.ts'

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      batch: { type: 'string', default: '5000' },
      as: { type: 'string' },
      report: { type: 'string' },
      again: { type: 'boolean', default: false },
    },
  })
  const [file] = positionals
  const batchSize = Number(values.batch)
  if (!file || positionals.length > 1 || !Number.isInteger(batchSize) || batchSize < 1) {
    process.stderr.write(
      'usage: tickets:import <tickets.jsonl> [--batch N] [--as userName] [--report rejected.jsonl] [--again]\n'
    )
    return 1
  }
  const env = loadEnv()
  const path = resolve(file)
  const reportPath = resolve(values.report ?? `${path}.rejected.jsonl`)
  const key = await fileKey(path)
  const store = await openStore(env.DATABASE_URL)
  const catalog = createCatalog(store)
  try {
    if (values.again) {
      await forgetImportProgress(store.db, tablesOf(store.db), key, path)
    }
    const previous = await readImportProgress(store.db, tablesOf(store.db), key)
    if (previous?.done) {
      process.stdout.write(
        `${path} was imported already (${previous.imported} tickets, ${previous.rejected} rejected); --again imports it once more\n`
      )
      return 0
    }
    const changed = previous
      ? undefined
      : await unfinishedAtPath(store.db, tablesOf(store.db), path, key)
    if (changed) {
      process.stderr.write(
        `${path} changed since its import was interrupted after line ${changed.line} (${changed.imported} tickets committed): restore the file to resume, or pass --again to import this content from its first line\n`
      )
      return 1
    }
    const userName = values.as ?? env.TICKET_ADMIN_USER
    const t = tablesOf(store.db).associates
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
    const report = openReport(reportPath, previous?.reportBytes)
    let interrupted = false
    const onSignal = () => {
      interrupted = true
    }
    process.once('SIGINT', onSignal)
    process.once('SIGTERM', onSignal)
    const from = { offset: previous?.byteOffset ?? 0, lineBefore: previous?.line ?? 0 }
    let bytesRead = from.offset
    async function* lines() {
      for await (const line of fileLines(path, from, () => interrupted)) {
        bytesRead = line.end
        yield line
      }
    }
    const before = { imported: previous?.imported ?? 0, rejected: previous?.rejected ?? 0 }
    const progress = createProgress(statSync(path).size, () => bytesRead, before.imported)
    const committer = startCommitThread(new URL(import.meta.url), env.DATABASE_URL)
    try {
      const result = await bulkImport(lines(), {
        store,
        catalog,
        caller,
        now: () => new Date(),
        batchSize,
        onRejected: report.add,
        onCommitted: ({ imported, rejected }) =>
          progress.update(before.imported + imported, before.rejected + rejected),
        file: { key, path, previous, reportBytes: report.flushed },
        interrupted: () => interrupted,
        sink: committer.sink,
      })
      progress.stop()
      const total = {
        imported: before.imported + result.imported,
        rejected: before.rejected + result.rejected,
      }
      if (interrupted) {
        process.stdout.write(
          `interrupted after line ${result.lines}: ${total.imported} imported so far; run the same command again to resume\n`
        )
        return 130
      }
      process.stdout.write(
        `imported ${total.imported} tickets into ${store.dialect} in ${progress.seconds().toFixed(1)} s (${progress.rate().toFixed(0)} tickets/s)` +
          (total.rejected > 0 ? `; ${total.rejected} lines rejected, see ${reportPath}\n` : '\n')
      )
      return total.rejected > 0 ? 2 : 0
    } finally {
      await committer.stop()
      report.close()
    }
  } finally {
    catalog.close()
    await store.close()
  }
}

/**
 * The rejected-lines report. A resumed import first cuts it back to the length its last
 * committed batch recorded (lines reported by a batch that never committed are reported again);
 * a new import starts it afresh. It is written before the batch that covers its lines commits.
 */
function openReport(path: string, committedBytes: number | undefined) {
  if (committedBytes === undefined) {
    rmSync(path, { force: true })
  } else if (existsSync(path) && statSync(path).size > committedBytes) {
    truncateSync(path, committedBytes)
  }
  let bytes = existsSync(path) ? statSync(path).size : 0
  let fd: number | undefined
  let unsynced = false
  return {
    add(entry: RejectedLine) {
      fd ??= openSync(path, 'a')
      bytes += writeSync(fd, `${JSON.stringify(entry)}\n`)
      unsynced = true
    },
    /** The report's length, on disk before the batch that records it commits. */
    flushed() {
      if (fd !== undefined && unsynced) {
        fsyncSync(fd)
        unsynced = false
      }
      return bytes
    },
    close() {
      if (fd !== undefined) {
        closeSync(fd)
      }
    },
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
  bar?.start(totalBytes, bytesRead(), { imported, rejected: 0, rate: 0 })
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

if (isCommitThread()) {
  await serveCommitThread()
} else {
  try {
    process.exitCode = await main(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  }
}
