import { describe, expect, it } from 'vitest'
import { FakeLabBridge } from '@renderer/test-support/fake-lab-bridge'
import { piniaWithLab } from '@renderer/test-support/lab-app'
import { TWO_CONFIG_RUN } from '@renderer/test-support/replay-fixture'
import { useReplayStore } from './replay'
import { useRunStore } from './run'

async function opened() {
  const bridge = new FakeLabBridge()
  bridge.scripted.add(TWO_CONFIG_RUN)
  const pinia = piniaWithLab(bridge)
  const run = useRunStore(pinia)
  const replay = useReplayStore(pinia)
  await run.open('run-7')
  return { bridge, run, replay }
}

describe('useReplayStore', () => {
  it('starts before the first request with every recorded configuration shown', async () => {
    const { replay } = await opened()
    expect(replay.step).toBe(-1)
    expect(replay.shown).toEqual([0, 1])
    expect(replay.focus).toBe(0)
  })

  it('keeps the step between before-the-first and the last request', async () => {
    const { replay } = await opened()
    replay.stepBy(-5)
    expect(replay.step).toBe(-1)
    replay.seek(100)
    expect(replay.step).toBe(7)
    replay.stepBy(-10)
    expect(replay.step).toBe(-1)
  })

  it('shows a held key’s first repeat at once, the ones queued behind it together in a frame, and lets a seek overrule them', async () => {
    const { replay } = await opened()
    replay.seek(2)
    expect(replay.ahead).toEqual([])
    replay.stepHeld(1)
    expect(replay.step).toBe(3)
    // What the next repeats will show, for the panes to ask before they come.
    expect(replay.ahead).toEqual([4, 5])
    replay.stepHeld(1)
    replay.stepHeld(10)
    expect(replay.step).toBe(3)
    await new Promise((resolve) => setTimeout(resolve, 40))
    expect(replay.step).toBe(7)
    // Nothing lies past the last step.
    expect(replay.ahead).toEqual([])
    replay.stepHeld(-1)
    expect(replay.step).toBe(6)
    replay.stepHeld(-1)
    replay.seek(0)
    expect(replay.ahead).toEqual([])
    await new Promise((resolve) => setTimeout(resolve, 40))
    expect(replay.step).toBe(0)
  })

  it('asks ahead for the step after one the user has stayed on, and not while playing', async () => {
    const { replay } = await opened()
    replay.seek(3)
    expect(replay.ahead).toEqual([])
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(replay.ahead).toEqual([4, 5])
    replay.seek(6)
    await new Promise((resolve) => setTimeout(resolve, 300))
    // Nothing lies past the last step.
    expect(replay.ahead).toEqual([7])
    replay.seek(2)
    replay.play()
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(replay.ahead).toEqual([])
    replay.pause()
  })

  it('jumps to the nearest failure of any shown configuration, either way', async () => {
    const { replay } = await opened()
    await replay.nextFailure()
    expect(replay.step).toBe(2)
    await replay.nextFailure()
    expect(replay.step).toBe(5)
    expect(replay.notice).toEqual({ kind: 'found', step: 5, label: 'first-fit', stride: 1 })
    await replay.previousFailure()
    expect(replay.step).toBe(2)
  })

  it('leaves hidden configurations out of the search', async () => {
    const { replay } = await opened()
    replay.toggleShown(0)
    replay.seek(2)
    await replay.nextFailure()
    expect(replay.step).toBe(2)
    expect(replay.notice).toMatchObject({ kind: 'notFound' })
  })

  it('runs to a breakpoint only in the configurations it means something to', async () => {
    const { bridge, replay } = await opened()
    replay.breakpoint = { ...replay.breakpoint, kind: 'merge' }
    await replay.runToBreakpoint('forward')
    // The heap coalesces at 6 but has no buddy merges; the buddy merges at 3.
    expect(replay.step).toBe(3)
    const asked = bridge.callsTo('timeline:find') as { config: number }[]
    expect(asked.map((input) => input.config)).toEqual([1])
    replay.breakpoint = { ...replay.breakpoint, kind: 'coalesce' }
    await replay.runToBreakpoint('forward')
    expect(replay.step).toBe(6)
  })

  it('plays from the start again when asked to play at the end, and steps its speed', async () => {
    const { replay } = await opened()
    replay.toEnd()
    replay.play()
    expect(replay.playing).toBe(true)
    expect(replay.step).toBe(-1)
    replay.setSpeed(10)
    replay.faster()
    expect(replay.speed).toBe(20)
    replay.setSpeed(5000)
    expect(replay.speed).toBe(1000)
    replay.slower()
    expect(replay.speed).toBe(500)
  })
})
