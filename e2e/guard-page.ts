import type { Page } from '@playwright/test'

/**
 * Collect what must never happen in a page: console errors, uncaught
 * exceptions, and requests to anything but 127.0.0.1 (the app works offline).
 */
export function guardPage(page: Page): { problems: string[] } {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
  page.on('request', (request) => {
    const url = new URL(request.url())
    const local =
      url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:'
    if (!local) problems.push(`request left 127.0.0.1: ${request.url()}`)
  })
  return { problems }
}
