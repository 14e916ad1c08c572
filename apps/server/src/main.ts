import { serve } from '@hono/node-server'
import { createApp } from './app.ts'
import { bootstrap } from './bootstrap.ts'
import { loadEnv } from './env.ts'
import { createLogger } from './logger.ts'

const deps = await start()
const { env, logger } = deps
const app = createApp(deps)

const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  logger.info('listening', { url: `http://${env.HOST}:${info.port}` })
})

/** A start that cannot succeed (bad environment, bad tenant file) says why in one message. */
async function start() {
  try {
    const env = loadEnv()
    return await bootstrap(env, createLogger(env.LOG_LEVEL))
  } catch (error) {
    process.stderr.write(`ticket server cannot start: ${(error as Error).message}\n`)
    process.exit(1)
  }
}

// SIGTERM: stop accepting, let in-flight requests finish, flush background work, exit 0.
let stopping = false
const stop = (signal: string) => {
  if (stopping) {
    return
  }
  stopping = true
  logger.info('stopping', { signal })
  // Stop accepting first; in-flight requests finish. Live streams (SSE) never finish on their
  // own, so the modules close them while the server drains, then flush their outboxes.
  const drained = new Promise<void>((resolve) => server.close(() => resolve()))
  void (async () => {
    await deps.stopModules()
    await drained
    await deps.shutdown()
    logger.info('stopped')
    process.exit(0)
  })()
}
process.on('SIGTERM', () => stop('SIGTERM'))
process.on('SIGINT', () => stop('SIGINT'))
