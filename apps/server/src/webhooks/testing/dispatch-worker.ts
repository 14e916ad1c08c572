import { openStore } from '../../db/store.ts'
import { loadEnv } from '../../env.ts'
import { createLogger } from '../../logger.ts'
import { createWebhooksModule } from '../webhooks-module.ts'

// A process that only runs the webhook dispatcher over the database named by its argument, so a
// test can kill it (SIGKILL) in the middle of a delivery and start another one.

const url = process.argv[2]
if (!url) {
  throw new Error('usage: dispatch-worker.ts <database url>')
}
const env = loadEnv({ DATABASE_URL: url, LOG_LEVEL: 'silent' })
const store = await openStore(env.DATABASE_URL)
const module = createWebhooksModule(
  { env, store, logger: createLogger('silent'), now: () => new Date() },
  { pollMs: 15, batchSize: 3, timeoutMs: 800, leaseMs: 1_500 }
)
module.start?.()
// Tells a parent started with an IPC channel that the dispatcher is polling.
process.send?.('ready')
