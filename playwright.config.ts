import { defineConfig } from '@playwright/test'

/**
 * Two projects run the same flows: `browser` drives the browser host in
 * Debian's Chromium (never a downloaded browser), `electron` drives the real
 * Electron app where its binary exists and says why it skipped where not.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env['CI'],
  reporter: [['list']],
  use: {
    screenshot: 'only-on-failure',
    trace: 'off'
  },
  projects: [
    {
      name: 'browser',
      testMatch: /.*\.browser\.spec\.ts/,
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
          args: [
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-gpu'
          ]
        }
      }
    },
    {
      name: 'electron',
      testMatch: /.*\.electron\.spec\.ts/
    }
  ]
})
