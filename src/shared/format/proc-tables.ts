/**
 * The /proc layouts of the buddy and slab tables, as Linux prints them, for
 * the window (the engine's CLI tables print the same lines from
 * src/main/engine/buddy/buddyinfo.ts and slab/slabinfo.ts).
 */

export interface SlabinfoFields {
  readonly name: string
  readonly activeObjs: number
  readonly numObjs: number
  readonly objSize: number
  readonly objPerSlab: number
  readonly pagesPerSlab: number
  readonly activeSlabs: number
  readonly numSlabs: number
}

/** "Node 0, zone   Normal" followed by one six-wide column per order. */
export function buddyinfoLine(freeBlocksPerOrder: readonly number[], zoneName = 'Normal'): string {
  const columns = freeBlocksPerOrder.map((count) => String(count).padStart(6)).join(' ')
  return `Node 0, zone ${zoneName.padStart(8)} ${columns}`
}

/** slabinfo version 2.1: no per-CPU arrays here, so the tunables and shared columns are zero. */
export function slabinfoLines(rows: readonly SlabinfoFields[]): string[] {
  const pad = (value: number, width: number): string => String(value).padStart(width)
  return [
    'slabinfo - version: 2.1',
    '# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>' +
      ' : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>',
    ...rows.map(
      (row) =>
        `${row.name.padEnd(17)} ${pad(row.activeObjs, 6)} ${pad(row.numObjs, 6)} ${pad(row.objSize, 6)}` +
        ` ${pad(row.objPerSlab, 4)} ${pad(row.pagesPerSlab, 4)}` +
        ` : tunables ${pad(0, 4)} ${pad(0, 4)} ${pad(0, 4)}` +
        ` : slabdata ${pad(row.activeSlabs, 6)} ${pad(row.numSlabs, 6)} ${pad(0, 6)}`
    )
  ]
}
