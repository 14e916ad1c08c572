import { describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { createTestApp } from '../test/harness.ts'

describe('the operations table and the app agree', () => {
  it('an app missing the handler of a documented operation refuses to start', async () => {
    const { deps } = await createTestApp()
    expect(() => createApp(deps)).not.toThrow()
    const withoutWebhooks = { ...deps, modules: deps.modules.filter((m) => m.name !== 'webhooks') }
    expect(() => createApp(withoutWebhooks)).toThrow(
      /Documented operations without a handler: Webhook_Create, .*Webhook_ReplayDelivery/
    )
  })
})
