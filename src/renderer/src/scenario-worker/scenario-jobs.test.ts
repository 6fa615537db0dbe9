import { describe, expect, it } from 'vitest'
import { DRAFT_COMPRESS_FROM_CHARS } from '@shared/draft-schemas'
import {
  analysisReport,
  applyChanges,
  countRequests,
  draftScenario,
  firstLines,
  formattedOrNull,
  importProblems,
  liveNames,
  normalizeLineBreaks,
  restoreScenario
} from './scenario-jobs'
import { importMalloclab } from '@shared/scenario'

describe('the scenario worker jobs', () => {
  it('apply edits given in the coordinates of the text before them', () => {
    expect(
      applyChanges('alloc a 10\nfree a\n', [
        [6, 7, 'b'],
        [11, 15, 'kfree']
      ])
    ).toBe('alloc b 10\nkfree a\n')
    expect(applyChanges('abc', [])).toBe('abc')
    expect(
      applyChanges('abc', [
        [0, 0, 'x'],
        [3, 3, 'y']
      ])
    ).toBe('xabcy')
  })

  it('break lines as the editor does, so offsets agree', () => {
    expect(normalizeLineBreaks('a\r\nb\rc\n')).toBe('a\nb\nc\n')
  })

  it('report the problems of a version with counts and the scenario geometry', () => {
    const report = analysisReport('arena 64KiB\nalocc a 10\nalloc b 0\n', 7)
    expect(report.version).toBe(7)
    expect(report.errorCount).toBe(1)
    expect(report.warningCount).toBe(1)
    expect(report.diagnostics[0]).toMatchObject({
      line: 2,
      column: 1,
      messageKey: 'scenario.diag.unknownKeywordSuggest',
      params: { suggestion: 'alloc' }
    })
    expect(report.geometry).toEqual({ arenaBytes: 65536 })
    expect(report.requests).toBe(1)
    expect(report.lines).toBe(4)
  })

  it('name the handles still holding memory and the caches that exist above a line', () => {
    const prefix = [
      'alloc a 10',
      'alloc b 20',
      'pages p 1',
      'free a',
      'cache inode 600',
      'object i inode',
      'cache old 32',
      'destroy old',
      ''
    ].join('\n')
    const { handles, caches } = liveNames(prefix)
    expect(handles).toEqual([
      { name: 'b', acquiredBy: 'alloc', line: 2 },
      { name: 'p', acquiredBy: 'pages', line: 3 },
      { name: 'i', acquiredBy: 'object', line: 6 }
    ])
    expect(caches).toEqual([{ name: 'inode', objectSize: 600, line: 5 }])
  })

  it('count request lines without analysing, and cut previews at whole lines', () => {
    expect(countRequests('# c\nname x\nalloc a 1\n  free a\n\nkmalloc k 2')).toBe(3)
    expect(firstLines('a\nb\nc\n', 2)).toBe('a\nb')
    expect(firstLines('a', 5)).toBe('a')
  })

  it('format only when the text is not canonical already', () => {
    expect(formattedOrNull('alloc  a   16kib\n')).toBe('alloc a 16KiB\n')
    expect(formattedOrNull('alloc a 16KiB\n')).toBeNull()
  })

  it('pair each import problem with the input line it is on', () => {
    const input = '2\n1\na 0 16\nx 1 2\n'
    const problems = importProblems(input, importMalloclab(input))
    expect(problems.map((p) => [p.diagnostic.line, p.excerpt])).toEqual([[4, 'x 1 2']])
  })

  it('keep a small draft as text and round-trip a large one through gzip', async () => {
    expect(await draftScenario('alloc a 1\n')).toEqual({ encoding: 'text', text: 'alloc a 1\n' })
    const large = 'alloc a 10\nfree a\n'.repeat(Math.ceil(DRAFT_COMPRESS_FROM_CHARS / 18) + 1)
    const draft = await draftScenario(large)
    expect(draft.encoding).toBe('gzip-base64')
    expect(draft.encoding === 'gzip-base64' && draft.data.length).toBeLessThan(large.length / 20)
    expect(await restoreScenario(draft)).toBe(large)
  })

  it('refuses compressed data that does not decompress to the length it claims', async () => {
    const draft = await draftScenario('x'.repeat(DRAFT_COMPRESS_FROM_CHARS))
    if (draft.encoding !== 'gzip-base64') throw new Error('expected compression')
    await expect(restoreScenario({ ...draft, length: 5 })).rejects.toMatchObject({
      messageKey: 'workbench.draft.corrupt'
    })
    await expect(
      restoreScenario({ encoding: 'gzip-base64', data: btoa('not gzip at all'), length: 3 })
    ).rejects.toMatchObject({ messageKey: 'workbench.draft.corrupt' })
  })
})
