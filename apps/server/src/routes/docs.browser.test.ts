import { describe, expect, it } from 'vitest'
import { launchBrowser } from '../test/browser.ts'
import { createTestApp } from '../test/harness.ts'
import { listen } from '../test/listen.ts'

describe('the /docs page in headless Chromium', () => {
  it('renders POST /api/v1/Ticket with its notify parameter', async () => {
    const { app } = await createTestApp()
    const { baseUrl } = await listen(app)
    const browser = await launchBrowser()
    const page = await browser.newPage()
    const failed: string[] = []
    page.on('requestfailed', (r) => failed.push(r.url()))
    await page.goto(`${baseUrl}/docs`)
    // The renderer loads sections lazily: open the Ticket tag, then the save operation.
    await page.getByText('Ticket', { exact: true }).first().click({ timeout: 20_000 })
    const operation = page.getByText('Saves a ticket and performs any user notifications').first()
    await operation.click({ timeout: 20_000 })
    const section = page.locator('section', {
      hasText: 'If true, then the notifications will be sent',
    })
    await section.first().waitFor({ timeout: 20_000 })
    const text = await section.first().textContent()
    expect(text).toContain('/api/v1/Ticket')
    expect(text).toMatch(/\bnotify\b/)
    expect(failed.filter((u) => u.startsWith(baseUrl))).toEqual([])
  }, 60_000)
})
