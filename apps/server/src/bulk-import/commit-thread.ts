import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import type { Tag } from '@ticket/schema'
import { openStore } from '../db/store.ts'
import { type BatchEnd, type BatchSink, batchSink } from './commit-batch.ts'
import type { TicketToWrite } from './ticket-batch-writer.ts'

/** To the thread: tickets of the batch being read, the end of a batch, or `null` to stop. */
type Message = { add: TicketToWrite[] } | { commit: BatchEnd } | null
/** From the thread, one per commit. */
type Reply = { tags: Tag[] } | { error: string }

/**
 * Commits batches in a worker thread with its own connection, so that the import reads and
 * checks the next batch on one core while the database writes the last on the other. `entry` is
 * the module that calls `serveCommitThread` when it runs as a worker (the import command).
 * Batches commit one at a time, in the order given. Tickets are handed over as they are read
 * (`add`), not held until their batch ends: thousands of rows kept for a whole batch outlived
 * the young generation's collections and were copied into the old one.
 */
export function startCommitThread(entry: URL, databaseUrl: string) {
  const workerData = { databaseUrl }
  // Under tsx (the package scripts, the tests) a worker does not inherit the TypeScript loader:
  // a .ts entry is loaded through tsx's API. The built command (.js) starts as it is.
  const href = JSON.stringify(entry.href)
  const worker = entry.pathname.endsWith('.ts')
    ? new Worker(`import('tsx/esm/api').then((tsx) => tsx.tsImport(${href}, ${href}))`, {
        eval: true,
        workerData,
      })
    : new Worker(entry, { workerData })
  const waiting: { resolve(tags: Tag[]): void; reject(error: Error): void }[] = []
  // Why the thread is gone, once it is: a commit asked for afterwards fails at once instead of
  // waiting for a reply that cannot come, and stopping it has nothing left to wait for.
  let gone: Error | undefined
  const failAll = (error: Error) => {
    gone ??= error
    for (const waiter of waiting.splice(0)) {
      waiter.reject(error)
    }
  }
  worker.on('message', (reply: Reply) => {
    const waiter = waiting.shift()
    if ('error' in reply) {
      waiter?.reject(new Error(reply.error))
    } else {
      waiter?.resolve(reply.tags)
    }
  })
  worker.on('error', failAll)
  worker.on('exit', (code) => failAll(new Error(`the commit thread exited (${code})`)))
  const send = (message: Message) => worker.postMessage(message)
  const sink: BatchSink = {
    add: (items) => send({ add: items }),
    commit: (end) =>
      gone
        ? Promise.reject(gone)
        : new Promise((resolve, reject) => {
            waiting.push({ resolve, reject })
            send({ commit: end })
          }),
  }
  /** Lets the thread finish what it was sent, close its connection and end. */
  const stop = () =>
    gone
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          worker.removeAllListeners('exit')
          worker.once('exit', () => resolve())
          send(null)
        })
  return { sink, stop }
}

/** True in the worker that `startCommitThread` started. */
export const isCommitThread = () => !isMainThread && workerData?.databaseUrl !== undefined

/** The worker's side: opens the database and takes each message it is sent, in order. */
export async function serveCommitThread() {
  const store = await openStore((workerData as { databaseUrl: string }).databaseUrl)
  const sink = batchSink(store)
  let queue = Promise.resolve()
  parentPort?.on('message', (message: Message) => {
    queue = queue.then(async () => {
      if (message === null) {
        await store.close()
        parentPort?.close()
        return
      }
      if ('add' in message) {
        sink.add(message.add)
        return
      }
      try {
        parentPort?.postMessage({ tags: await sink.commit(message.commit) } satisfies Reply)
      } catch (error) {
        parentPort?.postMessage({
          error: error instanceof Error ? error.message : String(error),
        } satisfies Reply)
      }
    })
  })
}
