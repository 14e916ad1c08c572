import { openStore } from '../../db/store.ts'
import { loadEnv } from '../../env.ts'
import { createLogger } from '../../logger.ts'
import { createWebhooksModule } from '../../webhooks/webhooks-module.ts'
import { testSecretKey } from '../secret-key.ts'

// A process that only runs the webhook dispatcher over the database named by its argument, so a
// test can kill it (SIGKILL) in the middle of a delivery and start another one. A second
// argument, JSON, overrides the dispatcher's options (a test that must not see a lease expire on
// a loaded machine gives it a long one).

const url = process.argv[2]
if (!url) {
  throw new Error('usage: dispatch-worker.ts <database url> [options as JSON]')
}
const overrides = JSON.parse(process.argv[3] ?? '{}') as { timeoutMs?: number; leaseMs?: number }
// The test's receiver listens on loopback; the key is the one the test app sealed secrets with.
const env = loadEnv({
  DATABASE_URL: url,
  LOG_LEVEL: 'silent',
  TICKET_WEBHOOK_ALLOW_PRIVATE: '1',
  TICKET_SECRET_KEY: testSecretKey,
})
const store = await openStore(env.DATABASE_URL)
const module = createWebhooksModule(
  { env, store, logger: createLogger('silent'), now: () => new Date() },
  { pollMs: 15, batchSize: 3, timeoutMs: 800, leaseMs: 1_500, ...overrides }
)
module.start?.()
// Tells a parent started with an IPC channel that the dispatcher is polling.
process.send?.('ready')
