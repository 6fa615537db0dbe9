import { expect, test } from '@playwright/test'
import { startBrowserHost, type RunningHost } from './browser-host'
import { guardPage } from './guard-page'

let host: RunningHost
test.beforeAll(async () => {
  host = await startBrowserHost()
})
test.afterAll(async () => {
  await host?.stop()
})

const SCENARIO = [
  'name Buddy meets first fit',
  'frames 64',
  'arena 256KiB',
  'pages a 2',
  'pages b 0',
  'pages c 3',
  'free-pages b',
  'pages d 1',
  'free-pages a',
  ''
].join('\n')

/**
 * The LabApi run and timeline calls through the real browser host, from the
 * page itself (same origin, token from the URL, as the renderer's bridge
 * does), with the engine worker the build ships.
 */
test('a run started from the page reports over the WebSocket and answers timeline queries', async ({
  page
}) => {
  const { problems } = guardPage(page)
  await page.goto(host.url)
  await expect(page.getByTestId('view-library')).toBeVisible()

  const outcome = await page.evaluate(async (scenario) => {
    const token = new URL(location.href).searchParams.get('token')
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const response = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ channel, input })
      })
      const result = (await response.json()) as
        { ok: true; value: T } | { ok: false; error: { message: string } }
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
      return result.value
    }
    const socket = new WebSocket(`ws://${location.host}/api/events?token=${token}`)
    await new Promise((resolve) => socket.addEventListener('open', resolve, { once: true }))
    const events: string[] = []
    const finished = new Promise<void>((resolve) =>
      socket.addEventListener('message', (message) => {
        const { event } = JSON.parse(String(message.data)) as { event: string }
        events.push(event)
        if (event === 'run:finished') resolve()
      })
    )
    const started = await call<{ runId: string }>('run:start', {
      scenario,
      allocators: ['buddy:frames=64', 'first-fit:arena=256KiB']
    })
    await finished
    const summary = await call<{ configs: { status: string }[] }>('run:summary', {
      runId: started.runId
    })
    const map = await call<{ ranges: unknown[] }>('timeline:map', {
      runId: started.runId,
      config: 0,
      step: 2
    })
    const structures = await call<{
      freeAreas: { order: number; addresses: number[] }[]
    }>('timeline:structures', {
      runId: started.runId,
      config: 0,
      step: 2
    })
    const window = await call<{ events: unknown[] }>('timeline:events', {
      runId: started.runId,
      config: 1,
      from: 0,
      count: 10
    })
    socket.close()
    return { events, summary, map, structures, window }
  }, SCENARIO)

  expect(outcome.events).toContain('run:ended')
  expect(outcome.events.at(-1)).toBe('run:finished')
  expect(outcome.summary.configs.map((c) => c.status)).toEqual(['done', 'done'])
  // Worked by hand: 64 free frames are one order-6 block. `pages a 2` splits
  // 64 -> 32 -> 16 -> 8 -> 4 and takes frames 0-3; `pages b 0` splits the
  // order-2 block at frame 4 and takes frame 4; `pages c 3` takes frames 8-15.
  const frame = 4096
  expect(outcome.map.ranges.slice(0, 4)).toEqual([
    { start: 0, length: 4 * frame, state: 'used', handle: 'a' },
    { start: 4 * frame, length: frame, state: 'used', handle: 'b' },
    { start: 5 * frame, length: 3 * frame, state: 'free', handle: null },
    { start: 8 * frame, length: 8 * frame, state: 'used', handle: 'c' }
  ])
  expect(outcome.structures.freeAreas.filter((area) => area.addresses.length > 0)).toEqual([
    { order: 0, addresses: [5 * frame] },
    { order: 1, addresses: [6 * frame] },
    { order: 4, addresses: [16 * frame] },
    { order: 5, addresses: [32 * frame] }
  ])
  expect(outcome.window.events).toHaveLength(6)
  expect(problems).toEqual([])
})
