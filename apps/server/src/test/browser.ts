import { type Browser, chromium } from 'playwright-core'
import { onTestFinished } from 'vitest'

/** Debian's headless Chromium, the flags this closed network needs, closed after the test. */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
  onTestFinished(() => browser.close())
  return browser
}
