import { fakeEvent, type FakeRun } from './fake-runs'

const TEXTBOOK =
  'first-fit:arena=100,base=1000,header=0,align=1,order=addr,coalesce=on,meta=side,page=4KiB'
const BUDDY = 'buddy:frames=8,page=16,max-order=3'

/**
 * A heap and a buddy configuration of one eight-request run: the heap
 * fails at steps 2 (not enough memory) and 5 (fragmented) and coalesces at
 * 6; the buddy fails at 2 and merges at 3 and 6.
 */
export const TWO_CONFIG_RUN: FakeRun = {
  runId: 'run-7',
  title: 'First fit meets a buddy',
  configs: [
    {
      label: TEXTBOOK,
      family: 'first-fit',
      kind: 'heap',
      values: { arena: 100, base: 1000, header: 0, align: 1, page: 4096 },
      events: [
        fakeEvent(0, { handle: 'a', size: 10, addr: 1000, granted: 10, requested: 10 }),
        fakeEvent(1, { handle: 'b', size: 20, addr: 1010, granted: 20, requested: 20 }),
        fakeEvent(2, { handle: 'c', size: 80, status: 'no-memory' }),
        fakeEvent(3, { op: 'free', handle: 'a', addr: 1000, granted: 10 }),
        fakeEvent(4, { handle: 'd', size: 60, addr: 1030, granted: 60, requested: 60 }),
        fakeEvent(5, { handle: 'e', size: 15, status: 'fragmented' }),
        fakeEvent(6, {
          op: 'free',
          handle: 'b',
          addr: 1010,
          granted: 20,
          structural: [{ kind: 'merge', count: 1 }]
        }),
        fakeEvent(7, { handle: 'a', size: 25, addr: 1000, granted: 25, requested: 25 })
      ]
    },
    {
      label: BUDDY,
      family: 'buddy',
      kind: 'pages',
      values: { frames: 8, page: 16, 'max-order': 3 },
      events: [
        fakeEvent(0, { handle: 'a', size: 10, addr: 0, frame: 0, granted: 16, requested: 10 }),
        fakeEvent(1, { handle: 'b', size: 20, addr: 32, frame: 2, granted: 32, requested: 20 }),
        fakeEvent(2, { handle: 'c', size: 80, status: 'fragmented' }),
        fakeEvent(3, {
          op: 'free',
          handle: 'a',
          addr: 0,
          frame: 0,
          granted: 16,
          structural: [{ kind: 'merge', count: 1 }]
        }),
        fakeEvent(4, { handle: 'd', size: 60, addr: 64, frame: 4, granted: 64, requested: 60 }),
        fakeEvent(5, { handle: 'e', size: 15, addr: 0, frame: 0, granted: 16, requested: 15 }),
        fakeEvent(6, {
          op: 'free',
          handle: 'b',
          addr: 32,
          frame: 2,
          granted: 32,
          structural: [{ kind: 'merge', count: 1 }]
        }),
        fakeEvent(7, { handle: 'a', size: 25, addr: 32, frame: 2, granted: 32, requested: 25 })
      ]
    }
  ]
}
