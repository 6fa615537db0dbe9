import { allFamilies } from '../../engine/families'
import { RunFinishWatch } from '../../cli/run-finish'
import { engineWorkerFromSource } from '../../worker/testing/tsx-worker'
import { LabService } from '../../service/lab-service'
import { openStore } from '../../store/open-store'

/** Text written to attack whoever opens the report: markup, scripts, fetches of every kind. */
export const HOSTILE_LINES = [
  'name <script>alert("name")</script></title><link rel=stylesheet href="http://evil.example/x.css">',
  'description </pre><img src="http://evil.example/pixel.png" onerror="alert(1)"><iframe src="//evil.example"></iframe>',
  "description <style>@import url(http://evil.example/a.css); body { background: url('http://evil.example/bg.png') }</style>",
  '# <svg><image xlink:href="http://evil.example/i.png"/></svg> <a href="javascript:alert(1)">x</a> srcset="http://evil.example/1x.png 1x"',
  '# <meta http-equiv="refresh" content="0;url=http://evil.example/"> \' " & <base href="http://evil.example/">'
]

/** A heap run with a failure of each kind (the textbook arena), a buddy run and a slab run. */
export const FAMILY_SCENARIOS = {
  heap: {
    allocators: [
      'first-fit:arena=100,base=1000,header=0,align=1,meta=side',
      'best-fit:arena=100,base=1000,header=0,align=1,meta=side'
    ],
    scenario: [
      ...HOSTILE_LINES,
      'arena 100',
      'base 1000',
      'alloc p0 3',
      'alloc p1 40',
      'free p0',
      'alloc 缓冲区 58  # 58 bytes: 60 are free, but the largest block has 57',
      'alloc p3 80',
      ''
    ].join('\n')
  },
  buddy: {
    allocators: ['buddy:frames=64'],
    scenario: [
      ...HOSTILE_LINES,
      'frames 64',
      'pages a 2',
      'pages b 0',
      'pages c 3',
      'free-pages b',
      'pages d 1',
      'free-pages a',
      'pages e 6',
      ''
    ].join('\n')
  },
  slab: {
    allocators: ['slab:frames=64'],
    scenario: [
      ...HOSTILE_LINES,
      'frames 64',
      'cache inode 600 ctor 40',
      'object o1 inode',
      'object o2 inode',
      'free-object o1',
      'object o3 inode',
      'kmalloc k1 100',
      'kmalloc k2 3000',
      'kfree k1',
      ''
    ].join('\n')
  }
} as const

export type Family = keyof typeof FAMILY_SCENARIOS

/** A LabService running the real engine worker from source, as the tests of the service do. */
export function testLabService(): LabService {
  return new LabService(openStore(':memory:'), 'test', {
    families: () => allFamilies,
    launch: engineWorkerFromSource
  })
}

/** Run `scenario` on `allocators` and wait until every configuration has ended. */
export async function finishedRun(
  lab: LabService,
  scenario: string,
  allocators: readonly string[],
  extra: { readonly record?: boolean; readonly metricStride?: number } = {}
): Promise<string> {
  const watch = new RunFinishWatch(lab)
  try {
    const { runId } = await lab.call('run:start', {
      scenario,
      allocators: [...allocators],
      ...extra
    })
    await watch.finished(runId)
    return runId
  } finally {
    watch.stop()
  }
}
