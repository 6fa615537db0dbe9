import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SETTINGS,
  LAB_CHANNELS,
  LabError,
  SettingsSchema,
  labChannels,
  labEvents,
  parseInput,
  parseOutput
} from './api'
import { LAB_CHANNEL_NAMES, LAB_EVENT_NAMES } from './lab-channels'

describe('the LabApi contract', () => {
  it('has an input and an output schema for every channel the preload lets through', () => {
    expect(Object.keys(labChannels).sort()).toEqual([...LAB_CHANNEL_NAMES].sort())
    expect([...LAB_CHANNELS].sort()).toEqual([...LAB_CHANNEL_NAMES].sort())
    for (const channel of LAB_CHANNELS) {
      expect(labChannels[channel].input).toBeDefined()
      expect(labChannels[channel].output).toBeDefined()
    }
  })

  it('has a payload schema for every event name', () => {
    expect(Object.keys(labEvents).sort()).toEqual([...LAB_EVENT_NAMES].sort())
  })

  it('accepts the default settings', () => {
    expect(SettingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS)
  })

  it('names the offending field when input is wrong', () => {
    expect(() => parseInput('settings:set', { theme: 'neon' })).toThrow(/settings:set: theme/)
  })

  it('treats a missing input as an empty object', () => {
    expect(parseInput('settings:get', undefined)).toEqual({})
  })

  it('refuses fields the contract does not know', () => {
    expect(() => parseInput('app:info', { debug: true })).toThrow(LabError)
  })

  it('reports a malformed output as an internal error, not as the caller’s fault', () => {
    try {
      parseOutput('settings:get', { language: 'en' })
      expect.unreachable()
    } catch (error) {
      expect((error as LabError).code).toBe('internal')
    }
  })
})
