/**
 * Two heaps and a buddy on one small workload, worked by hand in
 * replay.browser.spec.ts: the heaps fail at 2 (too little memory) and 5
 * (fragmented), the buddy at 2 (fragmented); the buddy's first merge is
 * freeing a at 3. Each spec gives it a name of its own.
 */
export function holesAndBuddies(name: string): string {
  return [
    `name ${name}`,
    'arena 100',
    'alloc a 10',
    'alloc b 20',
    'alloc c 80',
    'free a',
    'alloc d 60',
    'alloc e 15',
    'free b',
    'alloc a 25',
    'free d',
    'free a',
    'alloc f 40',
    'free e',
    ''
  ].join('\n')
}

export const HOLES_AND_BUDDIES_ALLOCATORS = [
  'first-fit:arena=100,base=1000,header=0,align=1,meta=side',
  'best-fit:arena=100,base=1000,header=0,align=1,meta=side',
  'buddy:frames=8,page=16B,max-order=3'
]
