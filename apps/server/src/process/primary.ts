import cluster, { type Worker } from 'node:cluster'
import type { Logger } from '../logger.ts'

/**
 * Runs `count` server processes behind one port (node:cluster: the primary accepts and hands
 * connections round-robin to the workers). A worker that dies while serving is replaced; a
 * worker that cannot start stops the whole group, since its siblings would fail the same way.
 * SIGTERM is passed on to every worker, each drains, and the primary exits once all have.
 */
export function runPrimary(count: number, logger: Logger): void {
  let stopping = false
  const started = new WeakSet<Worker>()
  const fork = () => {
    const worker = cluster.fork()
    worker.on('message', (message: unknown) => {
      if ((message as { ticket?: string } | null)?.ticket === 'ready') {
        started.add(worker)
      }
    })
    worker.on('exit', (code, signal) => {
      if (stopping) {
        if (Object.keys(cluster.workers ?? {}).length === 0) {
          logger.info('stopped', { workers: count })
          process.exit(0)
        }
        return
      }
      if (!started.has(worker)) {
        logger.error('a worker could not start; stopping', { pid: worker.process.pid, code })
        stopAll('start failure')
        process.exitCode = 1
        return
      }
      logger.error('worker died; starting another', { pid: worker.process.pid, code, signal })
      fork()
    })
  }
  const stopAll = (reason: string) => {
    if (stopping) {
      return
    }
    stopping = true
    logger.info('stopping', { reason, workers: count })
    const workers = Object.values(cluster.workers ?? {})
    if (workers.length === 0) {
      process.exit(process.exitCode ?? 0)
    }
    for (const worker of workers) {
      worker?.process.kill('SIGTERM')
    }
  }
  process.on('SIGTERM', () => stopAll('SIGTERM'))
  process.on('SIGINT', () => stopAll('SIGINT'))
  logger.info('starting workers', { workers: count })
  for (let i = 0; i < count; i++) {
    fork()
  }
}
