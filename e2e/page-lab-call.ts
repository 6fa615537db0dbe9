import type { Page } from '@playwright/test'

/** A LabApi call from the page itself, as the renderer's web bridge makes it. */
export async function pageLabCall<T>(page: Page, channel: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ({ channel, input }) => {
      const token = new URL(location.href).searchParams.get('token')
      const response = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ channel, input })
      })
      const result = (await response.json()) as
        { ok: true; value: unknown } | { ok: false; error: { message: string } }
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
      return result.value
    },
    { channel, input }
  ) as Promise<T>
}
