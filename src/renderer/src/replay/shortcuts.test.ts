// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import {
  HELP_LINES,
  REPLAY_ACTIONS,
  REPLAY_SHORTCUTS,
  keyBelongsToTarget,
  shortcutFor
} from './shortcuts'

const press = (
  key: string,
  modifiers: Partial<Record<'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey', boolean>> = {}
) => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...modifiers
})

describe('the Replay shortcuts', () => {
  it('gives every action a key, and no key two actions', () => {
    expect(REPLAY_SHORTCUTS.map((s) => s.action).sort()).toEqual([...REPLAY_ACTIONS].sort())
    const chords = REPLAY_SHORTCUTS.flatMap((s) =>
      s.chords.map((c) => `${c.shift ? 'S-' : ''}${c.key}`)
    )
    expect(new Set(chords).size).toBe(chords.length)
  })

  it('reads the keys the brief names: space, arrows, shift-arrows, Home/End, brackets and ?', () => {
    expect(shortcutFor(press(' '))).toBe('playPause')
    expect(shortcutFor(press('ArrowLeft'))).toBe('stepBack')
    expect(shortcutFor(press('ArrowRight', { shiftKey: true }))).toBe('forward10')
    expect(shortcutFor(press('Home'))).toBe('toStart')
    expect(shortcutFor(press('End'))).toBe('toEnd')
    expect(shortcutFor(press('['))).toBe('previousFailure')
    expect(shortcutFor(press(']'))).toBe('nextFailure')
    expect(shortcutFor(press('?', { shiftKey: true }))).toBe('help')
  })

  it('leaves presses with Ctrl, Alt or Meta to the browser', () => {
    expect(shortcutFor(press('ArrowLeft', { ctrlKey: true }))).toBeUndefined()
    expect(shortcutFor(press(' ', { metaKey: true }))).toBeUndefined()
  })

  it('lists a help line for every action, in the overlay', () => {
    expect(HELP_LINES.length).toBeGreaterThanOrEqual(8)
    expect(HELP_LINES.every((line) => line.labelKey.startsWith('replay.help.keys.'))).toBe(true)
  })

  it('leaves keys to fields being typed in and to controls that use them', () => {
    const field = document.createElement('input')
    field.type = 'text'
    expect(keyBelongsToTarget(field, 'ArrowLeft')).toBe(true)
    const box = document.createElement('input')
    box.type = 'checkbox'
    expect(keyBelongsToTarget(box, 'ArrowLeft')).toBe(false)
    expect(keyBelongsToTarget(box, ' ')).toBe(true)
    const map = document.createElement('canvas')
    map.setAttribute('data-own-keys', 'ArrowLeft ArrowRight + - 0')
    expect(keyBelongsToTarget(map, 'ArrowLeft')).toBe(true)
    expect(keyBelongsToTarget(map, ' ')).toBe(false)
    const button = document.createElement('button')
    expect(keyBelongsToTarget(button, ' ')).toBe(true)
    expect(keyBelongsToTarget(button, ']')).toBe(false)
  })
})
