import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileScenario, generate } from '@shared/scenario'
import { generateCommand } from './generate'
import { scenarioCliHarness } from './scenario-cli-harness'

describe('alloclab generate', () => {
  it('prints the same text as the programmatic generator', async () => {
    const cli = scenarioCliHarness([generateCommand])
    const result = await cli.run([
      'generate',
      'random',
      '--seed',
      '9',
      '--count',
      '1_000',
      '--size-max',
      '1KiB',
      '--alloc-share',
      '0.6'
    ])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(
      generate('random', { seed: 9, count: 1000, sizeMax: 1024, allocShare: 0.6 })
    )
    expect(compileScenario(result.stdout).diagnostics).toEqual([])
  })

  it('writes to a file with -o', async () => {
    const cli = scenarioCliHarness([generateCommand])
    const result = await cli.run(['generate', 'pages', '--seed', '1', '-o', 'pages.scn'])
    expect(result).toEqual({ code: 0, stdout: '', stderr: 'Wrote pages.scn.\n' })
    expect(cli.read('pages.scn')).toBe(generate('pages', { seed: 1 }))
  })

  it('needs a seed', async () => {
    const result = await scenarioCliHarness([generateCommand]).run(['generate', 'ramp'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--seed N')
  })

  it('names the generators when the kind is unknown', async () => {
    const result = await scenarioCliHarness([generateCommand]).run([
      'generate',
      'chaos',
      '--seed',
      '1'
    ])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('random, ramp, plateau, fragmentation, slab, pages')
  })

  it('explains bad option values in the chosen language', async () => {
    const cli = scenarioCliHarness([generateCommand])
    const notNumber = await cli.run(['generate', 'random', '--seed', '1', '--count', 'many'])
    expect(notNumber.stderr).toBe(
      'alloclab generate: --count must be a whole number from 0 to 50000000, not "many".\n'
    )
    const range = await cli.run([
      'generate',
      'random',
      '--seed',
      '1',
      '--alloc-share',
      '2',
      '--lang',
      'zh-CN'
    ])
    expect(range.code).toBe(2)
    expect(range.stderr).toContain('--alloc-share 必须是 0 到 1 之间的数')
    const wrongKind = await cli.run(['generate', 'ramp', '--seed', '1', '--order-max', '3'])
    expect(wrongKind.stderr).toContain('--order-max does not apply to the ramp generator')
  })

  it('lists the generator options in its help', async () => {
    const result = await scenarioCliHarness([generateCommand]).run(['generate', '--help'])
    expect(result.stdout).toContain('--size-min SIZE')
    expect(result.stdout).toContain('--sizes uniform|pow2|exponential|bimodal')
  })

  it('says what is wrong with a negative or non-numeric count, however it is written', async () => {
    const cli = scenarioCliHarness([generateCommand])
    const expected =
      'alloclab generate: --count must be a whole number from 0 to 50000000, not "-1".\n'
    for (const count of [['--count', '-1'], ['--count=-1']]) {
      expect(await cli.run(['generate', 'random', '--seed', '1', ...count])).toEqual({
        code: 2,
        stdout: '',
        stderr: expected
      })
    }
    expect((await cli.run(['generate', 'random', '--seed', '1', '--count', 'abc'])).stderr).toBe(
      'alloclab generate: --count must be a whole number from 0 to 50000000, not "abc".\n'
    )
    expect(
      (await cli.run(['generate', 'random', '--seed', '1', '--count', '-1', '--lang', 'zh-CN']))
        .stderr
    ).toBe('alloclab generate：--count 必须是 0 到 50000000 之间的整数，不能是“-1”。\n')
    expect((await cli.run(['generate', 'random', '--seed', '1', '--size-min', 'big'])).stderr).toBe(
      'alloclab generate: --size-min expects a size such as 64 or 4KiB, not "big".\n'
    )
  })

  it('takes a negative seed', async () => {
    const result = await scenarioCliHarness([generateCommand]).run([
      'generate',
      'ramp',
      '--seed',
      '-5'
    ])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(generate('ramp', { seed: -5 }))
  })

  it('refuses an output in a folder that does not exist before generating', async () => {
    const cli = scenarioCliHarness([generateCommand])
    const result = await cli.run(['generate', 'random', '--seed', '1', '-o', 'out/random.alloc'])
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'alloclab generate: cannot write "out/random.alloc": the folder "out" does not exist.\n'
    })
    expect(existsSync(join(cli.folder, 'out'))).toBe(false)
  })
})
