import type en from '../en/pages'

export default {
  buddySummary: '二进制伙伴页分配器：以 2^阶 个页框为块，按需拆分，释放时与伙伴块合并',
  slabSummary:
    '建立在伙伴系统之上的 slab 缓存（Bonwick / Linux SLAB）：对象保持已构造状态；提供 kmalloc 大小类',
  option: {
    frames: '池中的页框数量（1 到 4194304，不必是 2 的幂）',
    page: '页框大小（字节），取 16 B 到 1 MiB 之间的 2 的幂',
    maxOrder: '最大块阶数：一个块最多包含 2^max-order 个页框（0 到 20）',
    colour: 'slab 着色：让相继创建的 slab 从不同的缓存行偏移处开始（on/off）',
    cacheLine: '缓存行大小（字节），即相邻两种着色之间的步长（2 的幂，8 B 到 4 KiB）'
  },
  invalid: {
    frames: 'frames 必须是 1 到 {max} 之间的整数，而不是 {value}',
    page: 'page 必须是 {min} 到 {max} 字节之间的 2 的幂，而不是 {value}',
    maxOrder: 'max-order 必须是 0 到 {max} 之间的整数，而不是 {value}',
    cacheLine: 'cache-line 必须是 {min} 到 {max} 字节之间的 2 的幂，而不是 {value}'
  },
  invariant: {
    buddy: {
      frameInNoBlock: '每个页框都必须恰好属于一个块：页框 {frame} 既不是块的开头，也不在任何块内。',
      frameInTwoBlocks:
        '每个页框都必须恰好属于一个块：页框 {frame} 位于起始于页框 {head} 的块内，却又是另一个块的开头。',
      frameState: '每个块都必须处于已知状态：起始于页框 {frame} 的块状态为 {state}。',
      orderRange: '块的阶必须在 0 到 {maxOrder} 之间：起始于页框 {frame} 的块阶为 {order}。',
      blockAligned: '块必须按其阶对齐：起始于页框 {frame}、阶为 {order} 的块没有对齐。',
      blockInsideZone:
        '块必须位于内存区之内：起始于页框 {frame}、阶为 {order} 的块越过了页框 {frames}。',
      freeBuddiesMerged:
        '空闲的伙伴块必须合并：起始于页框 {frame} 和 {buddy}、阶为 {order} 的两个空闲块互为伙伴。',
      freeListEnds: '空闲链表必须有尽头：free_area[{order}] 形成了环。',
      freeListBlock: '空闲链表只能包含本阶的空闲块：free_area[{order}] 中有页框 {frame}。',
      freeListLinks: '空闲链表的前后链接必须一致：free_area[{order}] 上的页框 {frame} 处不一致。',
      freeCount:
        '空闲计数必须与链表相符：free_area[{order}] 记为 {counted} 个块，链表中却有 {listed} 个。',
      freeBlockListed:
        '每个空闲块都必须在其链表中：阶 {order} 有 {blocks} 个空闲块，链表中有 {listed} 个。',
      orderMask: '阶位图必须与链表相符：位图为 {mask}，按链表应为 {lists}。',
      freeFrames: '空闲页框数必须与各块相符：计数器为 {counted}，空闲块共有 {held} 个页框。',
      noSlabs: '页分配器中不应有 slab：有 {blocks} 个块被标记为 slab。',
      handleKind: '句柄 {handle} 的类型为 {kind}，这个分配器从不分配这种内存。',
      handleOwnsBlock:
        '句柄必须拥有自己的页块：句柄 {handle} 指向页框 {frame}，那不是它拥有的页块。',
      blocksHeld: '每个已分配的页块都必须由句柄持有：共有 {blocks} 个页块，句柄持有 {held} 个。',
      liveBlocks: '存活计数必须与句柄相符：有 {held} 个句柄持有内存，计数器却为 {counted}。',
      requestedBytes: '请求字节数必须与句柄相符：各句柄共请求 {held} 字节，计数器却为 {counted}。',
      allocatedBytes: '已分配字节数必须与各块相符：各句柄共持有 {held} 字节，计数器却为 {counted}。'
    },
    slab: {
      freeChainEnds: '空闲链必须有尽头：起始于页框 {frame} 的 slab 的空闲链形成了环。',
      freeChainOnce:
        '空闲链中每个空闲对象只能出现一次：起始于页框 {frame} 的 slab 中，对象 {object} 重复出现或超出范围。',
      freeChainInside:
        '空闲链必须在 slab 之内结束：起始于页框 {frame} 的 slab 的空闲链越过了最后一个对象。',
      deadCacheEmpty: '已销毁的缓存不应再有 slab：缓存 {cache} 仍列有 slab。',
      slabListEnds: 'slab 链表必须有尽头：缓存 {cache} 的 {list} 形成了环。',
      slabListLinks:
        'slab 链表的前后链接必须一致：缓存 {cache} 中起始于页框 {frame} 的 slab 处不一致。',
      slabListBlock: 'slab 链表只能包含符合缓存阶数的 slab：缓存 {cache} 的链表中有页框 {frame}。',
      slabFrameCache:
        'slab 的每个页框都必须指明所属缓存：缓存 {cache} 的 slab 中，页框 {frame} 指明的却是缓存 {named}。',
      slabOnList:
        'slab 必须位于与其使用情况相符的链表上：缓存 {cache} 中起始于页框 {frame} 的 slab 在 {objects} 个对象中有 {inuse} 个在用。',
      freeChainCount:
        '空闲链必须与使用计数相符：缓存 {cache} 中起始于页框 {frame} 的 slab 有 {free} 个对象空闲、{inuse} 个在用。',
      slabListCounts: 'slab 链表的计数和尾指针必须与链表相符：缓存 {cache} 的 {list} 不相符。',
      activeObjects:
        '活动对象数必须对得上：缓存 {cache} 的 slab 中有 {active} 个，计数器却为 {counted}。',
      slabPages:
        'slab 占用的伙伴页必须等于 slab 数 × 每个 slab 的页数：伙伴系统中有 {blocks} 个 slab 块、共 {frames} 个页框，各缓存却列出 {slabs} 个 slab、共 {slabFrames} 个页框。',
      frameCacheOutsideSlab:
        '只有 slab 的页框才能指明所属缓存：页框 {frame} 不在任何 slab 中，却指明了缓存。',
      bufctlListEnds: 'bufctl 池的空闲链表必须有尽头：它超出了全部 {nodes} 个节点。',
      bufctlNodes: 'bufctl 节点不能丢失：{nodes} 个节点中空闲 {free} 个、在用 {inUse} 个。',
      managementBytes: '管理开销字节数必须对得上：各 slab 共有 {held} 字节，计数器却为 {counted}。',
      objectInSlab:
        '对象必须位于 slab 中：句柄 {handle} 持有页框 {frame} 的对象 {object}，但存活的 slab 中没有这个对象。',
      heldObjectFree:
        '被持有的对象不能是空闲的：句柄 {handle} 持有起始于页框 {frame} 的 slab 中的对象 {object}，它却在空闲链上。',
      objectHeldOnce:
        '每个对象只能由一个句柄持有：句柄 {handle} 持有位于 {addr} 的对象，另一个句柄也持有它。',
      slabObjectsHeld:
        '在用的对象必须由句柄持有：起始于页框 {frame} 的 slab 有 {inuse} 个在用，句柄持有 {held} 个。',
      objectsHeld: '在用的对象必须由句柄持有：各缓存共有 {inuse} 个在用，句柄持有 {held} 个。'
    }
  },
  buddyinfoHeading: '各阶空闲块数（/proc/buddyinfo）：',
  slabinfoHeading: 'slab 缓存（/proc/slabinfo）：'
} satisfies typeof en
