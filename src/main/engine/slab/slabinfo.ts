import type { SlabinfoRow } from '../final-state'

/**
 * The /proc/slabinfo layout, version 2.1. There are no per-CPU arrays here,
 * so the tunables and shared-availability columns are zero.
 */
export function formatSlabInfo(rows: readonly SlabinfoRow[]): string {
  const lines = [
    'slabinfo - version: 2.1',
    '# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>' +
      ' : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>'
  ]
  for (const row of rows) {
    lines.push(
      `${row.name.padEnd(17)} ${pad(row.activeObjs, 6)} ${pad(row.numObjs, 6)} ${pad(row.objSize, 6)}` +
        ` ${pad(row.objPerSlab, 4)} ${pad(row.pagesPerSlab, 4)}` +
        ` : tunables ${pad(0, 4)} ${pad(0, 4)} ${pad(0, 4)}` +
        ` : slabdata ${pad(row.activeSlabs, 6)} ${pad(row.numSlabs, 6)} ${pad(0, 6)}`
    )
  }
  return `${lines.join('\n')}\n`
}

function pad(value: number, width: number): string {
  return String(value).padStart(width)
}
