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
  buddyinfoHeading: '各阶空闲块数（/proc/buddyinfo）：',
  slabinfoHeading: 'slab 缓存（/proc/slabinfo）：'
} satisfies typeof en
