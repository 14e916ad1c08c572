import { describe, expect, it } from 'vitest'
import { launchBrowser } from '../test/browser.ts'
import { createTestApp } from '../test/harness.ts'
import { listen } from '../test/listen.ts'

describe('the /docs page in headless Chromium', () => {
  it('renders POST /api/v1/Ticket first with the reference example, offline, without AI or developer tools', async () => {
    const { app } = await createTestApp()
    const { baseUrl } = await listen(app)
    const browser = await launchBrowser()
    const page = await browser.newPage()
    // Any request to another host fails the test: the page must work with no network at all.
    const elsewhere: string[] = []
    await page.route('**/*', (route) => {
      const url = route.request().url()
      if (url.startsWith(`${baseUrl}/`) || url.startsWith('data:') || url.startsWith('blob:')) {
        return route.continue()
      }
      elsewhere.push(url)
      return route.abort()
    })
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
    // The request example is the reference sample (its title), not generated placeholders.
    await section.getByText('"Title": "consectetur"').first().waitFor({ timeout: 20_000 })
    // The main operation leads the sidebar, and its tag is described.
    const sidebar = (await page.locator('nav, aside').first().textContent()) ?? ''
    const save = sidebar.indexOf('Saves a ticket and performs any user notifications')
    expect(save).toBeGreaterThanOrEqual(0)
    expect(sidebar.indexOf('OData list of tickets')).toBeGreaterThan(save)
    // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees, not the CSS text
    const body = await page.locator('body').innerText()
    expect(body).toContain('The ticket resource: save')
    expect(body.match(/.{0,40}(Ask AI|Developer Tools|\bMCP\b).{0,40}/i)?.[0]).toBeUndefined()
    await page.waitForTimeout(500)
    expect(elsewhere).toEqual([])
    expect(failed.filter((u) => u.startsWith(baseUrl))).toEqual([])
  }, 60_000)
})
