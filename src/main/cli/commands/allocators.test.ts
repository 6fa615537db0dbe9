import { AllocatorCatalogSchema } from '@shared/allocator-catalog'
import { describe, expect, it } from 'vitest'
import { allFamilies } from '../../engine/families'
import type { CliIo } from '../command'
import { runCli } from '../run-cli'
import { allocatorsCommand } from './allocators'

async function cli(argv: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = ''
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: () => undefined,
    cwd: '.',
    readStdin: () => Promise.resolve('')
  }
  return { code: await runCli(argv, [allocatorsCommand], io, '0.0.0-test'), stdout }
}

describe('alloclab allocators', () => {
  it('lists every family with each option, its default and its range', async () => {
    const { code, stdout } = await cli(['allocators'])
    expect(code).toBe(0)
    for (const family of allFamilies) {
      expect(stdout).toMatch(new RegExp(`^${family.name}  `, 'm'))
      for (const option of family.options)
        expect(stdout).toMatch(new RegExp(`^  ${option.key} +${option.kind} +default `, 'm'))
    }
    expect(stdout).toMatch(/^ {2}arena +size +default 1MiB +range 1\.\.1GiB /m)
    expect(stdout).toMatch(
      /^ {2}order +choice +default addr +one of addr\|size-asc\|size-desc\|front\|back /m
    )
  })

  it('prints as JSON the catalog allocators:list answers, with every text in both languages', async () => {
    const { code, stdout } = await cli(['allocators', '--json'])
    expect(code).toBe(0)
    const document = AllocatorCatalogSchema.parse(JSON.parse(stdout))
    expect(document.presets.map((p) => p.id)).toContain('textbook-heap')
    expect(document.families.map((f) => f.name)).toEqual(allFamilies.map((f) => f.name))
    const buddy = document.families.find((f) => f.name === 'buddy')!
    expect(buddy.options.find((o) => o.key === 'max-order')?.default).toBe(10)
    expect(
      buddy.options.every(
        (o) => o.description['zh-CN'].length > 0 && !o.description['zh-CN'].startsWith('pages.')
      )
    ).toBe(true)
  })
})
