import { afterEach, describe, expect, it, vi } from 'vitest'
import { LabError } from '@shared/lab-error'
import { commands } from './commands'
import { UsageError, type CliCommand } from './command'
import { scenarioCliHarness } from './commands/scenario-cli-harness'

/** A command that says which language it was given, or throws what it is told to. */
function probe(failure?: () => never): CliCommand {
  return {
    name: 'probe',
    summaryKey: 'cli.helpOption',
    synopsis: 'probe',
    allowPositionals: true,
    options: {
      size: {
        type: 'string',
        short: 's',
        valueName: 'SIZE',
        descriptionKey: 'cli.helpOption',
        value: { key: 'cli.value.size', params: { min: '1 B', max: '1 GiB' } }
      },
      label: { type: 'string', descriptionKey: 'cli.helpOption' },
      quiet: { type: 'boolean', descriptionKey: 'cli.helpOption' }
    },
    run(values, positionals, ctx) {
      failure?.()
      ctx.stdout(`${ctx.locale} ${JSON.stringify(values)} ${JSON.stringify(positionals)}\n`)
      return Promise.resolve(0)
    }
  }
}

const cli = scenarioCliHarness([probe()])

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('--lang', () => {
  it('works before the command, after it, and in the --lang=LANG form', async () => {
    for (const argv of [
      ['--lang', 'zh-CN', 'probe'],
      ['probe', '--lang', 'zh-CN'],
      ['probe', 'x', '--lang=zh-CN', 'y']
    ]) {
      const result = await cli.run(argv)
      expect(result.code).toBe(0)
      expect(result.stdout).toMatch(/^zh-CN /)
      expect(result.stdout).not.toContain('lang')
    }
  })

  it('refuses a language it does not speak with exit 2, listing the ones it does', async () => {
    for (const argv of [
      ['probe', '--lang', 'xx'],
      ['--lang=xx', 'probe']
    ]) {
      expect(await cli.run(argv)).toEqual({
        code: 2,
        stdout: '',
        stderr: 'alloclab: "xx" is not a language AllocLab speaks; give --lang one of: en, zh-CN.\n'
      })
    }
    expect((await cli.run(['probe', '--lang'])).stderr).toBe(
      'alloclab: --lang needs a value: one of en, zh-CN.\n'
    )
    // A later good --lang does not hide an earlier bad one.
    expect((await cli.run(['--lang', 'xx', 'probe', '--lang', 'zh-CN'])).code).toBe(2)
  })

  it('leaves a "--lang" after "--" to the command', async () => {
    const result = await cli.run(['probe', '--', '--lang', 'xx'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('["--lang","xx"]')
  })

  it('takes the language from ALLOCLAB_LANG, and --lang wins over it', async () => {
    vi.stubEnv('ALLOCLAB_LANG', 'zh-CN')
    expect((await cli.run(['probe'])).stdout).toMatch(/^zh-CN /)
    expect((await cli.run(['probe', '--lang', 'en'])).stdout).toMatch(/^en /)
    // The message for a bad --lang comes in the environment's language.
    expect((await cli.run(['probe', '--lang', 'fr'])).stderr).toBe(
      'alloclab：AllocLab 不支持语言 "fr"，--lang 只能是以下之一：en, zh-CN。\n'
    )
    expect((await cli.run(['probe', '--lang'])).stderr).toBe(
      'alloclab：--lang 需要一个值：en, zh-CN 之一。\n'
    )
  })

  it('says once that ALLOCLAB_LANG names no language it speaks, then goes on in English', async () => {
    vi.stubEnv('ALLOCLAB_LANG', 'klingon')
    const result = await cli.run(['probe'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^en /)
    expect(result.stderr).toBe(
      'ALLOCLAB_LANG is "klingon", which is not a language AllocLab speaks (en, zh-CN); messages stay in English.\n'
    )
  })
})

describe('option values', () => {
  it('names an option that lacks its value properly and says what the value must be', async () => {
    expect((await cli.run(['probe', '-s'])).stderr).toBe(
      'alloclab probe: --size (-s) needs a value: a size such as 64 or 4KiB, from 1 B to 1 GiB.\n'
    )
    expect((await cli.run(['probe', '--size', '--quiet'])).stderr).toBe(
      'alloclab probe: --size (-s) needs a value: a size such as 64 or 4KiB, from 1 B to 1 GiB.\n'
    )
    expect((await cli.run(['probe', '-s', '--lang', 'zh-CN'])).stderr).toBe(
      'alloclab probe：--size (-s) 需要一个值：一个大小，例如 64 或 4KiB，范围 1 B 到 1 GiB。\n'
    )
  })

  it('hands a negative number to the command as the value, however it is written', async () => {
    for (const argv of [
      ['probe', '--size', '-1'],
      ['probe', '--size=-1'],
      ['probe', '-s', '-1']
    ]) {
      expect((await cli.run(argv)).stdout).toContain('{"size":"-1"}')
    }
  })

  it('says how to give a value that starts with a dash', async () => {
    expect((await cli.run(['probe', '--label', '-x'])).stderr).toBe(
      'alloclab probe: --label needs a value. For a value that starts with "-", write --label=VALUE.\n'
    )
    expect((await cli.run(['probe', '--label=-x'])).stdout).toContain('{"label":"-x"}')
  })

  it('refuses a value for a switch, an option given twice and an unknown option', async () => {
    expect((await cli.run(['probe', '--quiet=yes'])).stderr).toBe(
      'alloclab probe: --quiet is a switch and takes no value.\n'
    )
    expect((await cli.run(['probe', '-s', '1', '--size', '2'])).stderr).toBe(
      'alloclab probe: --size (-s) is given more than once; give it once.\n'
    )
    expect((await cli.run(['probe', '--qiuet'])).stderr).toBe(
      'alloclab probe: unknown option "--qiuet". Did you mean "--quiet"? Run "alloclab probe --help" to see its options.\n'
    )
  })

  it('gives every string option of every command a description of its value, in both languages', async () => {
    const real = scenarioCliHarness(commands)
    for (const command of commands) {
      for (const [name, option] of Object.entries(command.options)) {
        if (option.type !== 'string') continue
        expect(option.value, `--${name} of ${command.name}`).toBeDefined()
        for (const lang of ['en', 'zh-CN']) {
          const { code, stderr } = await real.run([command.name, `--${name}`, '--lang', lang])
          expect(code).toBe(2)
          expect(stderr).toMatch(
            lang === 'en' ? /^[^\n]+ needs a value: .{6,}\.\n$/ : /^[^\n]+ 需要一个值：.{4,}。\n$/
          )
          expect(stderr).not.toMatch(/\b(cli|engine|scenario|timeline)\.[a-z]/)
        }
      }
    }
  })
})

describe('control characters on the command line', () => {
  it('are shown escaped in what the CLI says about unknown commands, options and values', async () => {
    const real = scenarioCliHarness(commands)
    expect((await real.run(['\x1b[2Jrun'])).stderr).toBe(
      'Unknown command "\\x1b[2Jrun". Run "alloclab --help" to see the commands.\n'
    )
    expect((await real.run(['check', '--\x1b]0;pwned\x07'])).stderr).toBe(
      'alloclab check: unknown option "--\\x1b]0;pwned\\x07". Run "alloclab check --help" to see its options.\n'
    )
    expect((await real.run(['web', '--port', '8\u202e0'])).stderr).toBe(
      'alloclab web: "8\\u202e0" is not a port number (0 to 65535).\n'
    )
  })
})

describe('failures', () => {
  it('exits 1 for a failure of AllocLab itself, and asks for a bug report', async () => {
    const broken = scenarioCliHarness([
      probe(() => {
        throw new TypeError('cannot read properties of undefined')
      })
    ])
    expect(await broken.run(['probe'])).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'alloclab probe failed unexpectedly (cannot read properties of undefined). This is a bug in AllocLab; please report it, with the command you ran.\n'
    })
    expect((await broken.run(['probe', '--lang', 'zh-CN'])).stderr).toContain(
      '这是 AllocLab 的缺陷'
    )
  })

  it('exits 2 for a usage error or a translatable error about the input', async () => {
    const usage = scenarioCliHarness([
      probe(() => {
        throw new UsageError('no good')
      })
    ])
    expect((await usage.run(['probe'])).code).toBe(2)
    const input = scenarioCliHarness([
      probe(() => {
        throw new LabError('invalid-input', 'engine.run.needFile')
      })
    ])
    expect(await input.run(['probe', '--lang', 'zh-CN'])).toMatchObject({
      code: 2,
      stderr: 'alloclab probe：请给出且只给出一个场景文件（或用 "-" 表示标准输入）。\n'
    })
  })

  it('refuses an option before the command with exit 2', async () => {
    expect(await cli.run(['--quiet', 'probe'])).toMatchObject({
      code: 2,
      stderr:
        'Unknown option "--quiet" before the command. Run "alloclab --help" to see the commands and options.\n'
    })
  })
})
