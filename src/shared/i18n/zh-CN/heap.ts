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
    page: '由堆来满足 k 阶页请求时每页的字节数（共 2^k 页）'
  },
  invalid: {
    notWhole: '选项 "{option}" 需要整数，而不是 {value}。',
    outOfRange: '选项 "{option}" 的值为 {value}，必须在 {min} 到 {max} 之间。',
    choice: '选项 "{option}" 不能是 "{value}"，可选值为：{choices}。',
    alignPowerOfTwo: '对齐值 {align} 不是 2 的幂（1、2、4、8……）。',
    inbandHeader:
      'meta=inband 时，头部要容纳一个头部字和一个尾部字，因此必须是 4 的倍数且至少 8 字节（当前为 {header}）。其他大小请使用 meta=side。',
    inbandAlign:
      'meta=inband 时对齐值至少为 4 字节（当前为 {align}），因为边界标记是 4 字节的字。更小的单位请使用 meta=side。',
    inbandArena:
      'meta=inband 时堆区大小必须是 4 字节的倍数（当前为 {arena}）。其他大小请使用 meta=side。',
    arenaTooSmall: '{arena} 字节的堆区连一个 {min} 字节的块都放不下。'
  },
  invariant: {
    tiling: '所有块必须无缝、无重叠地铺满堆区：位于 {addr} 的块应当从 {expected} 开始。',
    blockTooSmall: '位于 {addr} 的块只有 {size} 字节，小于最小块的 {min} 字节。',
    arenaEnd: '所有块必须恰好在堆区末尾结束：它们结束于偏移 {end}，而堆区有 {arena} 字节。',
    physicalLinks: '相邻块之间的链接在 {addr} 处不一致。',
    releasedRecord: '位于 {addr} 的块使用了一条已经释放的记录。',
    tags: '边界标记必须一致：位于 {addr} 的块头部为 {header}，尾部却为 {footer}。',
    adjacentFree: '开启合并时不允许两个空闲块相邻：位于 {addr} 的空闲块紧跟在另一个空闲块之后。',
    listEntry: '空闲链表的每一项都必须是只出现一次的空闲块：位于 {addr} 的项不是。',
    listLinks: '空闲链表的前后链接必须一致：在 {addr} 处不一致。',
    listMissing: '每个空闲块都必须在空闲链表中：有 {count} 个空闲块不在链表里。',
    rover: '循环首次适配（next-fit）的游标必须指向空闲链表中的一项：{addr} 不是。',
    handleBlock: '句柄 {handle} 必须独占一个已分配的块：块 {block} 不符合。',
    handleSize: '句柄 {handle} 持有的位于 {addr} 的块小于它请求的大小。',
    orphanBlock: '每个已分配的块都必须属于某个句柄：位于 {addr} 的块不属于任何句柄。',
    totals: '{name} 的总量必须与各块相符：统计为 {counted}，记录为 {recorded}。'
  }
} satisfies typeof en
