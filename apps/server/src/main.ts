import { serve } from '@hono/node-server'
import { createApp } from './app.ts'
import { bootstrap } from './bootstrap.ts'
import { loadEnv } from './env.ts'
import { createLogger } from './logger.ts'

const env = loadEnv()
const logger = createLogger(env.LOG_LEVEL)
const deps = await bootstrap(env, logger)
const app = createApp(deps)

const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  logger.info('listening', { url: `http://${env.HOST}:${info.port}` })
})

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
