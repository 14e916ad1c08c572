import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/**
 * How often the background thread copies the write-ahead log into the database file. Short, so
 * the log stays small (a reader's lookup cost grows with it) and each copy is a few pages.
 */
const everyMs = 50

/**
 * The writer connection's own checkpoint threshold, in pages: a fallback that only bites when
 * the background thread cannot keep up (SQLite's default is 1,000 pages).
 */
export const fallbackCheckpointPages = 20_000

// Runs in the worker thread: its own connection, PASSIVE checkpoints only. PASSIVE never waits
// for the writer or readers, so it can never stall the request thread's transactions.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.path, { fileMustExist: true })
db.pragma('busy_timeout = 0')
const checkpoint = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)') } catch {}
}
const timer = setInterval(checkpoint, workerData.everyMs)
parentPort.on('message', () => {
  clearInterval(timer)
  db.close()
  parentPort.close()
})
`

/**
 * Copies an SQLite file's write-ahead log into the database from a background thread. Left to
 * the writer, every thousandth page a commit writes pays for the copy and its fsyncs on the
 * request thread, and the requests queued behind it wait (most of a save's time and its p99).
 * Returns what stops the thread; the connection's own close checkpoints what is left.
 */
export function startWalCheckpoints(path: string): () => Promise<void> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(workerSource, { eval: true, workerData: { path, driver, everyMs } })
  // The thread must never keep the process alive, nor crash it: the fallback threshold covers.
  worker.unref()
  worker.on('error', () => {})
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  return () => {
    // Waiting for the thread to end must keep the process alive until it has.
    worker.ref()
    worker.postMessage('stop')
    return exited
  }
}
