import type en from '../en/heap'

export default {
  summary: {
    firstFit: '带显式空闲链表的堆；取第一个足够大的空闲块',
    nextFit: '与首次适配相同，但每次查找从上次分配的位置继续',
    bestFit: '扫描整个空闲链表，取能满足请求的最小空闲块',
    worstFit: '扫描整个空闲链表，取最大的空闲块'
  },
  option: {
    arena: '堆区（arena）的字节数',
    base: '堆区第一个字节的地址，结果中的地址都以它为起点',
    header: '每个块额外占用的管理字节数（inband 模式下为头部字与尾部字）',
    align: '请求大小向上取整到该字节数的倍数（须为 2 的幂）',
    order:
      '释放的块放入空闲链表的位置：addr（按地址）、size-asc（按大小升序）、size-desc（按大小降序）、front（表头，后进先出）或 back（表尾，先进先出）',
    coalesce: '释放块时与紧邻的空闲块合并',
    meta: '块元数据的存放位置：inband（边界标记放在堆区内部）或 side（单独的表；任意单位大小均可）',
    page: '由堆来满足 k 阶页请求时每页的字节数（共 2^k 页）',
    sort: '按大小排序的空闲链表何时整理顺序：insert（只把释放的块插到该在的位置）、resort（每次释放都把整个链表稳定地重新排序，与 OSTEP 的 malloc.py 相同）或 auto（meta=side 时为 resort，inband 时为 insert）',
    split:
      '分割后哪些剩余部分保留为空闲块：min-block（至少一个最小块，更小的留给请求）、any（只要有 1 字节就保留，与 malloc.py 相同）或 auto（meta=side 时为 any，inband 时为 min-block）',
    merge:
      '合并时找哪些块：physical（内存中相邻的空闲块）或 list（每次释放后，合并在链表中前后相邻、在内存中也首尾相接的项，与 malloc.py 的 -C 相同）',
    list: '查找时扫描什么：explicit（空闲链表）或 implicit（按地址顺序扫描所有块，不论空闲或已分配；examined 计的是块数）',
    realloc:
      'in-place（尽量原地缩小或扩大，不行再搬移）或 move（总是先 malloc、再复制、再 free，与 CS:APP 的简单 realloc 相同）',
    word: 'inband 边界标记一个字的字节数：4，或与 CS:APP 的 64 位堆一样取 8',
    grow: '没有合适的块时让堆增长（sbrk），增长量取所需块大小与该值中较大者；0 表示堆区大小固定',
    limit: '可增长的堆最多能达到的字节数（CS:APP 的 MAX_HEAP）',
    prologue: '第一个块之前的字节数（CS:APP：8 字节填充加 16 字节的序言块）',
    epilogue: '最后一个块之后的字节数（CS:APP：8 字节的结尾块头部）'
  },
  invalid: {
    notWhole: '选项 "{option}" 需要整数，而不是 {value}。',
    outOfRange: '选项 "{option}" 的值为 {value}，必须在 {min} 到 {max} 之间。',
    choice: '选项 "{option}" 不能是 "{value}"，可选值为：{choices}。',
    alignPowerOfTwo: '对齐值 {align} 不是 2 的幂（1、2、4、8……）。',
    inbandHeader:
      'meta=inband 时，头部要容纳一个头部字和一个尾部字，因此必须是 {word} 的倍数且至少 {least} 字节（当前为 {header}）。其他大小请使用 meta=side。',
    inbandAlign:
      'meta=inband 时对齐值至少为 {word} 字节（当前为 {align}），因为边界标记是 {word} 字节的字。更小的单位请使用 meta=side。',
    inbandArena:
      'meta=inband 时堆区大小必须是 {word} 字节的倍数（当前为 {arena}）。其他大小请使用 meta=side。',
    inbandMultiple: 'meta=inband 时，{option} 必须是 {word} 字节标记字的整数倍（当前为 {value}）。',
    word: '边界标记的字长只能是 4 或 8 字节，不能是 {word}。',
    splitAnyInband:
      'split=any 需要 meta=side：inband 的块必须放得下边界标记，所以小于最小块的剩余部分不能单独作为空闲块。',
    listMergeImplicit: 'merge=list 需要 list=explicit：隐式链表没有链表顺序，无从按链表邻居合并。',
    limitBelowArena: '可增长的堆从堆区开始，所以上限（{limit} 字节）不能小于堆区（{arena} 字节）。',
    arenaTooSmall: '{arena} 字节的堆区连一个 {min} 字节的块都放不下。',
    arenaTooSmallFramed:
      '{arena} 字节的堆区放不下 {prologue} 字节的序言、{epilogue} 字节的结尾再加一个 {min} 字节的块。'
  },
  invariant: {
    tiling: '所有块必须无缝、无重叠地铺满堆区：位于 {addr} 的块应当从 {expected} 开始。',
    blockTooSmall: '位于 {addr} 的块只有 {size} 字节，小于最小块的 {min} 字节。',
    arenaEnd: '所有块必须恰好在堆区末尾结束：它们结束于偏移 {end}，而堆区有 {arena} 字节。',
    physicalLinks: '相邻块之间的链接在 {addr} 处不一致。',
    sideRecord: 'meta=side 时，每个块都必须是单独的表中一条有效的记录：记录 {record} 不是。',
    releasedRecord: '位于 {addr} 的块使用了一条已经释放的记录。',
    tags: '边界标记必须一致：位于 {addr} 的块头部为 {header}，尾部却为 {footer}。',
    adjacentFree: '开启合并时不允许两个空闲块相邻：位于 {addr} 的空闲块紧跟在另一个空闲块之后。',
    listEntry: '空闲链表的每一项都必须是只出现一次的空闲块：位于 {addr} 的项不是。',
    listLinks: '空闲链表的前后链接必须一致：在 {addr} 处不一致。',
    listTail: '空闲链表的尾指针必须指向最后一项：它却指向了别处。',
    listMissing: '每个空闲块都必须在空闲链表中：有 {count} 个空闲块不在链表里。',
    rover:
      '循环首次适配（next-fit）的游标必须指向空闲链表中的一项（隐式链表中则为一个块）：{addr} 不是。',
    heapEnd: '堆的末尾必须在堆区大小与上限（{limit} 字节）之间，并与各块的结尾一致：现在是 {end}。',
    listUnsorted: '每次释放都重新排序的空闲链表，排好后必须按大小有序：位于 {addr} 的项顺序不对。',
    handleBlock: '句柄 {handle} 必须独占一个已分配的块：块 {block} 不符合。',
    handleSize: '句柄 {handle} 持有的位于 {addr} 的块小于它请求的大小。',
    orphanBlock: '每个已分配的块都必须属于某个句柄：位于 {addr} 的块不属于任何句柄。',
    blockCount: '块数必须与各块相符：铺满堆区的块有 {counted} 个，堆记录的却是 {recorded} 个。',
    freeBytes:
      '空闲字节数必须与各块相符：空闲块共有 {counted} 字节，堆记录的却是 {recorded} 字节。',
    allocatedBytes:
      '已分配字节数必须与各块相符：已分配的块共有 {counted} 字节，堆记录的却是 {recorded} 字节。',
    freeBlocks: '空闲块数必须与空闲链表相符：链表中有 {counted} 个块，堆记录的却是 {recorded} 个。',
    liveHandles:
      '存活句柄数必须与各句柄相符：有 {counted} 个句柄持有块，堆记录的却是 {recorded} 个。',
    requestedBytes:
      '请求字节数必须与各句柄相符：各句柄共请求 {counted} 字节，堆记录的却是 {recorded} 字节。',
    peakRequested:
      '请求字节数的峰值不能低于当前存活的量：峰值为 {peak} 字节，当前存活 {live} 字节。',
    highWater: '高水位不能超过堆的末尾：高水位在 {highWater}，堆结束于 {end}。'
  }
} satisfies typeof en
