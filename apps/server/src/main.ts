import cluster from 'node:cluster'
import { loadEnv } from './env.ts'
import { createLogger } from './logger.ts'
import { describeError } from './process/describe-error.ts'
import { runPrimary } from './process/primary.ts'
import { serveProcess } from './process/serve-process.ts'
import { workerCount } from './process/worker-count.ts'

/** A start that cannot succeed (bad environment, bad tenant file) says why in one message. */
function settings() {
  try {
    const env = loadEnv()
    return { env, workers: workerCount(env) }
  } catch (error) {
    process.stderr.write(`ticket server cannot start: ${describeError(error)}\n`)
    process.exit(1)
  }
}

const { env, workers } = settings()
const logger = createLogger(env.LOG_LEVEL)
if (workers > 1 && cluster.isPrimary) {
  runPrimary(workers, logger)
} else {
  await serveProcess(env, logger)
}
