import type { Server } from 'node:http'
import type { ServerType } from '@hono/node-server'
import { serve } from '@hono/node-server'
import { type App, createApp, createStartingApp } from '../app.ts'
import { bootstrap, type RunningDeps } from '../bootstrap.ts'
import type { Env } from '../env.ts'
import type { Logger } from '../logger.ts'
import { describeError } from './describe-error.ts'
import { drainableServer } from './drain-server.ts'
import { Readiness } from './readiness.ts'

/**
 * One server process: it listens at once (alive, not ready) while it migrates and seeds the
 * database, then serves. SIGTERM drains it: `/readyz` turns 503, it stops accepting, in-flight
 * requests finish, live streams close, background work is flushed, and it exits 0. A start that
 * cannot succeed says why, the database's own reason included, and exits 1.
 */
export async function serveProcess(env: Env, logger: Logger): Promise<void> {
  const readiness = new Readiness()
  let app: App | ReturnType<typeof createStartingApp> = createStartingApp(readiness, logger)
  let deps: RunningDeps | undefined
  const requests = drainableServer()
  const server: ServerType = serve(
    {
      fetch: (request, bindings) => app.fetch(request, bindings),
      port: env.PORT,
      hostname: env.HOST,
      serverOptions: requests.serverOptions,
    },
    (info) => logger.info('listening', { url: `http://${env.HOST}:${info.port}` })
  )
  server.on('error', (error) => fail(error))

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) {
      return
    }
    stopping = true
    readiness.drain()
    logger.info('stopping', { signal })
    // Stop accepting first; in-flight requests finish. Live streams (SSE) never finish on their
    // own, so they are closed at once. Only once every request is answered do the modules stop,
    // so a save committed during the drain still has its outbox flushed by this process.
    const drained = requests.drain(server as Server)
    deps?.closeStreams()
    void (async () => {
      await drained
      await deps?.stopModules()
      await deps?.shutdown()
      logger.info('stopped')
      process.exit(0)
    })()
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))

  try {
    deps = await bootstrap(env, logger)
  } catch (error) {
    fail(error)
    return
  }
  if (stopping) {
    await deps.shutdown()
    return
  }
  app = createApp({ ...deps, readiness })
  readiness.ready()
  logger.info('ready', { pid: process.pid })
  process.send?.({ ticket: 'ready' })
}

function fail(error: unknown): never {
  process.stderr.write(`ticket server cannot start: ${describeError(error)}\n`)
  process.exit(1)
}
