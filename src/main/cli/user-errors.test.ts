/**
 * Every mistake a user can make on the command line ends the same way: exit
 * 2 and one line that says what is wrong, in English and in Chinese alike.
 * (A bad --lang itself is covered in run-cli.test.ts: here --lang zh-CN is
 * appended to every line.)
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { commands } from './commands'
import { scenarioCliHarness } from './commands/scenario-cli-harness'

const cli = scenarioCliHarness(commands)
cli.write('lesson.alloc', 'alloc a 16\nfree a\n')
writeFileSync(join(cli.folder, 'a.out'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00]))
writeFileSync(join(cli.folder, 'latin1.txt'), Buffer.from('+10,-0 # d\xe9j\xe0\n', 'latin1'))
mkdirSync(join(cli.folder, 'results'))

const seventeen = Array.from({ length: 17 }, () => ['-a', 'first-fit']).flat()

const mistakes: readonly (readonly string[])[] = [
  ['nosuchcommand'],
  ['--verbose', 'run'],
  ['run', 'lesson.alloc'],
  ['run', 'lesson.alloc', '-a'],
  ['run', 'lesson.alloc', ...seventeen],
  ['run', 'lesson.alloc', '-a', 'frist-fit'],
  ['run', 'lesson.alloc', '-a', 'first-fit:arena=lots'],
  ['run', 'lesson.alloc', '-a', 'first-fit', '--csv', 'results'],
  ['run', 'lesson.alloc', '-a', 'first-fit', '--csv', 'nowhere/steps.csv'],
  ['run', 'lesson.alloc', '-a', 'first-fit', '--events'],
  ['run', 'a.out', '-a', 'first-fit'],
  ['run', 'missing.alloc', '-a', 'first-fit'],
  ['run', 'lesson.alloc', '-a', 'first-fit', '--jsno'],
  ['run', 'lesson.alloc', '-a', 'first-fit', '--json=yes'],
  ['run', 'lesson.alloc', '-a', 'first-fit', '--csv', 'a.csv', '--csv', 'b.csv'],
  ['check'],
  ['check', 'a.out'],
  ['check', 'lesson.alloc', '--strict=1'],
  ['fmt'],
  ['fmt', 'a.out', '--write'],
  ['fmt', 'lesson.alloc', 'a.out'],
  ['import', 'latin1.txt'],
  ['import', '--from', 'csv', 'latin1.txt'],
  ['import', '--from', 'oplist', 'latin1.txt'],
  ['import', '--from', 'malloclab', 'a.out'],
  ['import', '--from', 'oplist', 'latin1.txt', '-o', 'results'],
  ['import', '--from'],
  ['generate'],
  ['generate', 'chaos', '--seed', '1'],
  ['generate', 'random'],
  ['generate', 'random', '--seed', 'x'],
  ['generate', 'random', '--seed', '1', '--count', '-1'],
  ['generate', 'random', '--seed', '1', '--count=-1'],
  ['generate', 'random', '--seed', '1', '--count', 'abc'],
  ['generate', 'random', '--seed', '1', '--sizes', 'huge'],
  ['generate', 'random', '--seed', '1', '--alloc-share', '2'],
  ['generate', 'random', '--seed', '1', '-o', 'nowhere/r.alloc'],
  ['generate', 'random', '--seed', '1', '--name', '-x'],
  ['allocators', 'buddy'],
  ['allocators', '--json=1'],
  ['web', '--port', '99999'],
  ['web', '--port'],
  ['web', '--no-open=yes']
]

const CHINESE = /[\u4e00-\u9fff]/

describe('every user error', () => {
  it.each(mistakes.map((argv) => [argv.join(' '), argv] as const))(
    '"alloclab %s" exits 2 with one clear line in English and in Chinese',
    async (_, argv) => {
      const english = await cli.run([...argv])
      const chinese = await cli.run([...argv, '--lang', 'zh-CN'])
      for (const [result, lang] of [
        [english, 'en'],
        [chinese, 'zh-CN']
      ] as const) {
        expect(result.code, `${lang}: ${result.stderr}`).toBe(2)
        // check counts what it read on stdout, even when it could read nothing.
        if (argv[0] !== 'check') expect(result.stdout).toBe('')
        expect(result.stderr).toMatch(/^[^\n]{20,}\n$/)
        expect(result.stderr).not.toMatch(/\b(cli|engine|scenario|timeline)\.[a-z]+\.?[a-zA-Z]/)
        expect(result.stderr).not.toMatch(/\{\w+\}/)
      }
      expect(english.stderr).not.toMatch(CHINESE)
      expect(chinese.stderr).toMatch(CHINESE)
    }
  )
})
