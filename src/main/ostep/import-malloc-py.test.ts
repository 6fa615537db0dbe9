import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LabError } from '@shared/lab-error'
import { compileScenario } from '@shared/scenario'
import { importMallocPyCommand } from './import-malloc-py'

const transcripts = readFileSync(
  join(__dirname, '../../../test-data/ostep/malloc-py-transcripts.jsonl'),
  'utf8'
)
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { argv: string[]; stdout: string })

describe('importing a pasted malloc.py command line', () => {
  it('gives the workload as a scenario that compiles, the preset rules, and malloc.py answer key', () => {
    const imported = importMallocPyCommand('./malloc.py -n 10 -H 4 -p BEST -s 4 -c')
    expect(compileScenario(imported.scenario).program).toBeDefined()
    expect(imported.spec).toMatch(/^best-fit:.*header=4/)
    expect(imported.transcript).toContain('ptr[0] = Alloc(')
  })

  it('answers exactly what malloc.py printed for the homework transcripts', () => {
    for (const { argv, stdout } of transcripts.slice(0, 25)) {
      const line = argv
        .map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word}'`))
        .join(' ')
      expect(importMallocPyCommand(line).transcript).toBe(stdout)
    }
  })

  it('refuses a command line malloc.py would refuse, saying why in a translatable message', () => {
    const failure = (() => {
      try {
        importMallocPyCommand('malloc.py -p FASTEST')
      } catch (error) {
        return error
      }
    })()
    expect(failure).toBeInstanceOf(LabError)
    expect((failure as LabError).code).toBe('invalid-input')
    expect((failure as LabError).key).toMatch(/^ostep\./)
  })
})
